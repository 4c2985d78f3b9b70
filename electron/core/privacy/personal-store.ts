import { z } from 'zod';
import { customerSchema, deliverySchema, type Delivery, type PersonalData } from '../../../shared/delivery.js';
import type { PersonalDataRepo } from '../db/personal-data-repo.js';
import { open, seal, type DataKey } from './sealing.js';

const sealedSchema = z.strictObject({ customer: customerSchema.optional(), delivery: deliverySchema.optional() });

/** What is known of a sale's personal data. */
export type Opened =
  | { state: 'none' }
  | { state: 'open'; data: PersonalData }
  /** Sealed with a key that is gone (or altered): as if never given. */
  | { state: 'lost' }
  | { state: 'erased'; erasedAt: number };

/** Splits a sale into what may be stored in the clear and its personal data. */
export function splitPersonal<T extends PersonalData>(doc: T): { rest: Omit<T, 'customer' | 'delivery'>; personal: PersonalData | null } {
  const { customer, delivery, ...rest } = doc;
  const personal = customer !== undefined || delivery !== undefined ? { customer, delivery } : null;
  return { rest, personal };
}

/** Seals and opens a sale's customer and delivery details with the current data key. */
export class PersonalStore {
  constructor(private readonly repo: PersonalDataRepo, private readonly key: DataKey) {}

  seal(saleId: string, data: PersonalData, now: number): void {
    const clean: PersonalData = {
      ...(data.customer ? { customer: data.customer } : {}),
      ...(data.delivery ? { delivery: data.delivery } : {}),
    };
    this.repo.put(saleId, this.key.id, seal(this.key, JSON.stringify(clean), saleId), now);
  }

  open(saleId: string): Opened {
    const row = this.repo.get(saleId);
    if (!row) return { state: 'none' };
    if (row.sealed === null) return row.erasedAt === null ? { state: 'none' } : { state: 'erased', erasedAt: row.erasedAt };
    if (row.keyId !== this.key.id) return { state: 'lost' };
    const text = open(this.key, row.sealed, saleId);
    if (text === null) return { state: 'lost' };
    const parsed = sealedSchema.safeParse(JSON.parse(text));
    return parsed.success ? { state: 'open', data: parsed.data } : { state: 'lost' };
  }

  delivery(saleId: string): Delivery | null {
    const o = this.open(saleId);
    return o.state === 'open' ? (o.data.delivery ?? null) : null;
  }

  /** A person entered the address: kept with whatever customer details are still readable. */
  setDelivery(saleId: string, delivery: Delivery, now: number): void {
    const o = this.open(saleId);
    const customer = o.state === 'open' ? o.data.customer : undefined;
    this.seal(saleId, { customer, delivery }, now);
  }

  /** Details sealed with a key that is gone: said at start, never fatal. */
  lostCount(): number {
    return this.repo.countSealedWithOtherKey(this.key.id);
  }
}
