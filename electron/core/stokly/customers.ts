import { z } from 'zod';
import type { StoklyClient } from './client.js';
import type { CustomerBody } from './customer-mapping.js';
import { eq } from './filter.js';
import { createdSchema, listEnvelope } from './schemas.js';

const customerSchema = z.object({ customerId: z.string().min(1) });

/** Customers carrying our key, oldest first. Never a search by name. */
export async function findCustomersByBarcode(client: StoklyClient, barcode: string): Promise<string[]> {
  const res = await client.get('/v0/customers', listEnvelope(customerSchema), {
    filter: eq('barcode', barcode),
    query: { page: 0, size: 10 },
  });
  return res.data.map((c) => c.customerId);
}

export async function createCustomer(client: StoklyClient, body: CustomerBody): Promise<string> {
  return (await client.post('/v0/customers', body, createdSchema)).data.id;
}
