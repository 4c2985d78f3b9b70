import type { Delivery } from '../../../shared/delivery.js';
import type { Clock } from '../clock.js';
import type { StoklyCustomersRepo } from '../db/stokly-customers-repo.js';
import type { StoklyClient } from '../stokly/client.js';
import { customerToStokly } from '../stokly/customer-mapping.js';
import { createCustomer, findCustomersByBarcode } from '../stokly/customers.js';

export type CustomerLookup = { type: 'ok'; customerId: string } | { type: 'wait'; reason: string };

/**
 * Finds the Stok.ly customer by our key, or creates it once. A customer may not be visible right
 * after its creation (ASSUMED eventual consistency): the id of one we created is kept here, and a
 * create whose answer was lost is not repeated until `visibilityGraceMs` has passed without the
 * customer showing up.
 */
export class CustomerResolver {
  constructor(private readonly deps: {
    client: StoklyClient;
    repo: StoklyCustomersRepo;
    clock: Clock;
    visibilityGraceMs: number;
  }) {}

  async resolve(barcode: string, delivery: Delivery): Promise<CustomerLookup> {
    const { repo, client, clock } = this.deps;
    const known = repo.get(barcode);
    if (known?.customerId) return { type: 'ok', customerId: known.customerId };
    const [found] = await findCustomersByBarcode(client, barcode);
    if (found) {
      repo.found(barcode, found, clock.now());
      return { type: 'ok', customerId: found };
    }
    if (known?.createStartedAt != null && clock.now() - known.createStartedAt < this.deps.visibilityGraceMs) {
      return { type: 'wait', reason: 'the customer was being created in Stok.ly and is not visible yet' };
    }
    repo.creating(barcode, clock.now());
    const id = await createCustomer(client, customerToStokly(delivery, barcode));
    repo.found(barcode, id, clock.now());
    return { type: 'ok', customerId: id };
  }
}
