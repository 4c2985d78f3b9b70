import { z } from 'zod';
import type { StoklyClient } from './client.js';
import type { CreditNoteBody } from './credit-note-mapping.js';
import { eq } from './filter.js';
import { createdSchema, listEnvelope } from './schemas.js';

export const creditNoteSchema = z.object({
  creditNoteId: z.string(),
  saleOrderId: z.string().nullish(),
  sourceReferenceId: z.string().nullish(),
});

export async function createCreditNote(client: StoklyClient, body: CreditNoteBody): Promise<string> {
  return (await client.post('/v0/credit-notes', body, createdSchema)).data.id;
}

export async function findCreditNotesByReference(client: StoklyClient, reference: string): Promise<Array<z.infer<typeof creditNoteSchema>>> {
  const res = await client.get('/v0/credit-notes', listEnvelope(creditNoteSchema), {
    filter: eq('sourceReferenceId', reference),
    query: { page: 0, size: 10 },
  });
  return res.data;
}
