import type { AcceptedSale, Sale } from '../../../shared/kiosk-api.js';
import type { Clock } from '../clock.js';
import type { OutboxRepo } from '../db/outbox-repo.js';
import type { SalesRepo } from '../db/sales-repo.js';
import { canonicalJson, fingerprint } from './canonical.js';
import { splitPersonal } from '../privacy/personal-store.js';
import type { PersonalData } from '../../../shared/delivery.js';
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
  /** Customer and delivery details: sealed, never in the outbox payload. */
  sealPersonal(saleId: string, data: PersonalData, now: number): void;
  /** HMAC of a body that holds personal data, with the personal-data key. */
  keyedHash(body: string): string;
  /** The same Cloudshelf order came again under another saleId, perhaps with the address the first lacked. */
  twinArrived?(sale: Sale, postedSaleId: string, personal: PersonalData | null): void;
}

/**
 * One sale inside the ingest transaction. A sale whose Cloudshelf order is already here under
 * another saleId (it came both over the LAN and from Cloudshelf) is kept for idempotent
 * resends but not posted again.
 */
export function storeSale(sale: Sale, deps: StoreSaleDeps, source: 'kiosk' | 'cloudshelf' = 'kiosk'): IngestOutcome<AcceptedSale> {
  const { body, hash: plainHash } = fingerprint(sale);
  const { rest, personal } = splitPersonal(sale);
  // With personal data in the body a plain hash could be tested against guessed emails: keyed.
  const hash = personal ? deps.keyedHash(body) : plainHash;
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
    deps.twinArrived?.(sale, twin.saleId, personal);
    deps.sales.setFlags(sale.saleId, [{ flag: 'already_received', sku: null, detail: `Cloudshelf order ${orderId} arrived before as sale ${twin.saleId}; posted once` }], now);
    return { type: 'accepted', receipt: { saleId: sale.saleId, status: 'accepted', receivedAt, flags: ['already_received'] } };
  }
  deps.sales.insert(sale, hash, receivedAt, { duplicateOf: null, source });
  // The hash covers the whole body (resends must match); the stored payload has no personal data.
  deps.outbox.insert('sale', sale.saleId, personal ? canonicalJson(rest) : body, now);
  if (personal) deps.sealPersonal(sale.saleId, personal, now);
  const raised = deps.flags(sale);
  deps.sales.setFlags(sale.saleId, raised, now);
  deps.afterStore?.(sale, raised);
  return { type: 'accepted', receipt: { saleId: sale.saleId, status: 'accepted', receivedAt, flags: [...new Set(raised.map((f) => f.flag))] } };
}
