import type { AcceptedSale, Sale } from '../../../shared/kiosk-api.js';
import type { Clock } from '../clock.js';
import type { OutboxRepo } from '../db/outbox-repo.js';
import type { SalesRepo } from '../db/sales-repo.js';
import { fingerprint } from './canonical.js';
import { priorOutcome, type IngestOutcome } from './ingest.js';
import type { RaisedFlag } from './sale-flags.js';

export interface StoreSaleDeps {
  sales: SalesRepo;
  outbox: OutboxRepo;
  clock: Clock;
  /** Called after the sale is written, inside its transaction, so stock figures include it. */
  flags(sale: Sale): RaisedFlag[];
  /** After the flags are stored: open work items for a person (price review…). */
  afterStore?(sale: Sale, flags: readonly RaisedFlag[]): void;
  /** The id was first used by another kiosk (1.1: raised for a person; the kiosk gets a plain 409). */
  collision?(saleId: string, firstKioskId: string, kioskId: string): void;
}

/**
 * One sale inside the ingest transaction. A sale whose Cloudshelf order is already here under
 * another saleId (it came both over the LAN and from Cloudshelf) is kept for idempotent
 * resends but not posted again.
 */
export function storeSale(sale: Sale, deps: StoreSaleDeps, source: 'kiosk' | 'cloudshelf' = 'kiosk'): IngestOutcome<AcceptedSale> {
  const { body, hash } = fingerprint(sale);
  const existing = deps.sales.find(sale.saleId);
  if (existing && existing.kioskId !== sale.kioskId && source === 'kiosk') deps.collision?.(sale.saleId, existing.kioskId, sale.kioskId);
  const prior = priorOutcome(hash, existing, (receivedAt) => ({ saleId: sale.saleId, status: 'accepted' as const, receivedAt, flags: existing?.flags ?? [] }));
  if (prior) return prior;
  const now = deps.clock.now();
  const receivedAt = new Date(now).toISOString();
  const orderId = sale.cloudshelf?.orderId;
  const twin = orderId ? deps.sales.findByCloudshelfOrder(orderId) : undefined;
  if (twin) {
    deps.sales.insert(sale, hash, receivedAt, { duplicateOf: twin.saleId, source });
    deps.sales.setFlags(sale.saleId, [{ flag: 'already_received', sku: null, detail: `Cloudshelf order ${orderId} arrived before as sale ${twin.saleId}; posted once` }], now);
    return { type: 'accepted', receipt: { saleId: sale.saleId, status: 'accepted', receivedAt, flags: ['already_received'] } };
  }
  deps.sales.insert(sale, hash, receivedAt, { duplicateOf: null, source });
  deps.outbox.insert('sale', sale.saleId, body, now);
  const raised = deps.flags(sale);
  deps.sales.setFlags(sale.saleId, raised, now);
  deps.afterStore?.(sale, raised);
  return { type: 'accepted', receipt: { saleId: sale.saleId, status: 'accepted', receivedAt, flags: [...new Set(raised.map((f) => f.flag))] } };
}
