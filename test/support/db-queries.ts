import type { OutboxKind, OutboxStatus } from '../../shared/admin-api.js';
import { AuditRepo } from '../../electron/core/db/audit-repo.js';
import { CatalogRepo } from '../../electron/core/db/catalog-repo.js';
import { PushStateRepo, type PushedKind } from '../../electron/core/db/cloudshelf-push-state-repo.js';
import { SyncIssuesRepo } from '../../electron/core/db/cloudshelf-sync-issues-repo.js';
import type { Db } from '../../electron/core/db/connection.js';
import { KiosksRepo } from '../../electron/core/db/kiosks-repo.js';
import { OutboxRepo, type OutboxRow } from '../../electron/core/db/outbox-repo.js';
import { PersonalDataRepo } from '../../electron/core/db/personal-data-repo.js';
import { SalesRepo } from '../../electron/core/db/sales-repo.js';
import { StockMovementsRepo } from '../../electron/core/db/stock-movements-repo.js';

/** A stored sale's header, as the tests check it. */
export interface StoredSaleRow {
  saleId: string;
  total: number;
  paid: number;
  receivedAt: string;
  cloudshelfOrderId: string | null;
}

/**
 * What tests read back from an agent's database. Each answer comes from the repository that owns
 * the table where it has one; the few reads no repository offers (the agent never needs them)
 * are written once here, never in a test body.
 */
export function dbQueries(db: Db) {
  // Built on first use: some repositories prepare statements (or set pragmas) when constructed.
  const lazy = <T>(make: () => T): (() => T) => {
    let made: T | undefined;
    return () => (made ??= make());
  };
  const outbox = lazy(() => new OutboxRepo(db));
  const catalog = lazy(() => new CatalogRepo(db));
  const sales = lazy(() => new SalesRepo(db));
  const kiosks = lazy(() => new KiosksRepo(db));
  const audit = lazy(() => new AuditRepo(db));
  const movements = lazy(() => new StockMovementsRepo(db));
  const pushState = lazy(() => new PushStateRepo(db));
  const issues = lazy(() => new SyncIssuesRepo(db));
  const personal = lazy(() => new PersonalDataRepo(db));
  const allOutboxRows = (): OutboxRow[] => outbox().page({ limit: Number.MAX_SAFE_INTEGER, offset: 0 }).rows;

  const saleRows = (): StoredSaleRow[] =>
    db.prepare<[], { sale_id: string; total: number; paid: number; received_at: string; cloudshelf_order_id: string | null }>(
      'SELECT sale_id, total, paid, received_at, cloudshelf_order_id FROM sales ORDER BY sale_id',
    ).all().map((r) => ({ saleId: r.sale_id, total: r.total, paid: r.paid, receivedAt: r.received_at, cloudshelfOrderId: r.cloudshelf_order_id }));

  return {
    /** One outbox row by what it carries (a sale or refund id). */
    outboxRow: (kind: OutboxKind, ref: string): OutboxRow | undefined => outbox().byRef(kind, ref),
    outboxStatus: (kind: OutboxKind, ref: string): OutboxStatus | undefined => outbox().byRef(kind, ref)?.status,
    /** Outbox rows, optionally of one kind and in (or not in) some statuses. */
    outboxCount(filter: { kind?: OutboxKind; status?: readonly OutboxStatus[]; notStatus?: OutboxStatus } = {}): number {
      return allOutboxRows().filter((r) =>
        (filter.kind === undefined || r.kind === filter.kind) &&
        (filter.status === undefined || filter.status.includes(r.status)) &&
        (filter.notStatus === undefined || r.status !== filter.notStatus)).length;
    },
    /** Outbox sale rows per Cloudshelf order id: a sale taken twice would count 2. */
    saleRowsPerCloudshelfOrder(): Array<{ id: string; n: number }> {
      const orderOf = new Map(saleRows().flatMap((s) => (s.cloudshelfOrderId ? [[s.saleId, s.cloudshelfOrderId] as const] : [])));
      const rows = new Map<string, number>();
      for (const row of allOutboxRows()) {
        const order = row.kind === 'sale' ? orderOf.get(row.ref) : undefined;
        if (order) rows.set(order, (rows.get(order) ?? 0) + 1);
      }
      return [...rows].map(([id, n]) => ({ id, n }));
    },

    /** Every stored sale, ordered by id. */
    sales: saleRows,
    saleIds: (): string[] => saleRows().map((s) => s.saleId),
    sale: (saleId: string): StoredSaleRow | undefined => saleRows().find((s) => s.saleId === saleId),
    saleCount: (): number => saleRows().length,
    saleIdForCloudshelfOrder: (orderId: string): string | undefined => sales().findByCloudshelfOrder(orderId)?.saleId,

    product: (sku: string) => catalog().bySku(sku),
    productByItemId: (itemId: string) => catalog().byItemId(itemId),
    products: () => catalog().all(),
    productCount: (): number => catalog().count(),
    /** The names the staff window's product search holds for one item (the FTS index kept by triggers). */
    searchIndexNames: (itemId: string): string[] =>
      db.prepare<[string], { name: string }>('SELECT name FROM product_search WHERE item_id = ?').all(itemId).map((r) => r.name),

    kiosk: (id: string) => kiosks().get(id),
    auditFor: (subjectKind: string, subjectRef: string) => audit().forSubject(subjectKind, subjectRef),
    /** Every audit entry of one action, oldest first. */
    auditOf: (action: string) => audit().recent(Number.MAX_SAFE_INTEGER).filter((e) => e.action === action).reverse(),
    stockMovements: () => movements().between(0, Number.MAX_SAFE_INTEGER),
    /** Cloudshelf entities of a kind recorded as pushed with a hash (a hash is cleared to force a resend). */
    pushedWithHash: (kind: PushedKind): number => [...pushState().all(kind).values()].filter((e) => e.hash !== null).length,
    resolvedCloudshelfIssues: (): number => issues().listRecent(0).filter((i) => i.resolvedAt !== null).length,
    /** A sale's sealed personal data (null once erased). */
    sealedPersonalData: (saleId: string): Buffer | null | undefined => personal().get(saleId)?.sealed,
  };
}
