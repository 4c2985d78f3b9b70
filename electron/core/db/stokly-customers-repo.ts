import type { Db } from './connection.js';

export interface CustomerRow {
  barcode: string;
  customerId: string | null;
  createStartedAt: number | null;
}

/**
 * Our customer key (a keyed hash, never the email itself) → the Stok.ly customer it names. Kept
 * so a customer not yet visible in Stok.ly right after its creation is not created twice.
 */
export class StoklyCustomersRepo {
  constructor(private readonly db: Db) {}

  get(barcode: string): CustomerRow | undefined {
    const r = this.db
      .prepare<[string], { barcode: string; customer_id: string | null; create_started_at: number | null }>(
        'SELECT barcode, customer_id, create_started_at FROM stokly_customers WHERE barcode = ?',
      )
      .get(barcode);
    return r && { barcode: r.barcode, customerId: r.customer_id, createStartedAt: r.create_started_at };
  }

  /** Written before the create request leaves: its outcome may be unknown. */
  creating(barcode: string, now: number): void {
    this.db
      .prepare(`INSERT INTO stokly_customers (barcode, create_started_at, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (barcode) DO UPDATE SET create_started_at = excluded.create_started_at, updated_at = excluded.updated_at`)
      .run(barcode, now, now);
  }

  found(barcode: string, customerId: string, now: number): void {
    this.db
      .prepare(`INSERT INTO stokly_customers (barcode, customer_id, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (barcode) DO UPDATE SET customer_id = excluded.customer_id, updated_at = excluded.updated_at`)
      .run(barcode, customerId, now);
  }
}
