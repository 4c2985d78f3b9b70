import type { CatalogReader, StockReader } from '../catalog/types.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { scopedLogger } from '../logging/logger.js';
import { BATCH_LIMITS, chunk, variantCall } from './batches.js';
import type { CloudshelfClient, UpsertOutcome } from './client.js';
import { describeDrift, findDrift, readRemoteCatalogue, type DriftEntry } from './drift.js';
import type { ProductInput, ProductVariantInput } from './inputs.js';
import { LocationGuard, type LocationStatus } from './location.js';
import { mapCatalogue } from './mapping.js';
import { parseStoredProduct, parseStoredVariant, planPush, type Change } from './plan.js';
import { PushStateRepo, type PushedKind } from '../db/cloudshelf-push-state-repo.js';
import { settleBatch } from './settle.js';
import { SyncIssuesRepo, type SyncIssue } from '../db/cloudshelf-sync-issues-repo.js';
import type { UserErrorTarget } from './user-error-targets.js';

const logger = scopedLogger('cloudshelf-push');

export type CloudshelfApi = Pick<
  CloudshelfClient,
  'upsertLocations' | 'upsertProducts' | 'upsertProductVariants' | 'upsertStockLevels' | 'location' | 'productsPage'
>;

export interface CloudshelfPusherDeps {
  db: Db;
  client: CloudshelfApi;
  catalog: CatalogReader;
  stock: StockReader;
  /** Cloudshelf location for stock levels: gid://cloudshelf/Location/... (checked) or gid://external/... (created if missing). */
  locationId: string;
  clock: Clock;
  /** Name given to the location when the agent creates it (external gid only). */
  locationName?: string;
  /** Check for drift before every Nth push; 0 only when asked. Default 12. */
  driftCheckEvery?: number;
  /** Products per page when reading Cloudshelf back. Default 100. */
  driftPageSize?: number;
}

export interface KindCounts {
  sent: number;
  accepted: number;
  rejected: number;
}

export interface DriftReport {
  checkedProducts: number;
  checkedVariants: number;
  drifts: DriftEntry[];
  durationMs: number;
}

export interface PushReport {
  startedAt: number;
  durationMs: number;
  location: LocationStatus;
  products: KindCounts;
  variants: KindCounts;
  /** `heldBack`: not sent because the location or the variant is not on Cloudshelf yet. */
  stockLevels: KindCounts & { heldBack: number };
  /** Upsert calls for products, variants and stock levels. */
  calls: number;
  /** The drift check run before this push, if one was. */
  drift: DriftReport | null;
  openIssues: number;
}

interface SendResult {
  outcome: UpsertOutcome;
  targetsOf: (target: UserErrorTarget) => readonly Change<unknown>[];
}

const zero = (): KindCounts => ({ sent: 0, accepted: 0, rejected: 0 });
const single = <T>(items: readonly T[], index: number): T[] => (items[index] === undefined ? [] : [items[index]]);

/**
 * Pushes the Stok.ly catalogue and stock to Cloudshelf: only what changed since Cloudshelf last
 * accepted it, products before variants before stock levels, in batches within Cloudshelf's
 * limits. Progress is kept per call, so an outage mid-push loses nothing already accepted and
 * the next push sends the rest. A transport failure rejects the push (the client has retried).
 */
export class CloudshelfPusher {
  private readonly state: PushStateRepo;
  private readonly issues: SyncIssuesRepo;
  private readonly location: LocationGuard;
  private readonly driftEvery: number;
  private pushesSinceDrift = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private pending: Promise<PushReport> | null = null;

  constructor(private readonly deps: CloudshelfPusherDeps) {
    this.state = new PushStateRepo(deps.db);
    this.issues = new SyncIssuesRepo(deps.db);
    this.driftEvery = deps.driftCheckEvery ?? 12;
    this.location = new LocationGuard({
      client: deps.client,
      issues: this.issues,
      clock: deps.clock,
      locationId: deps.locationId,
      displayName: deps.locationName ?? `Shelfbridge ${deps.locationId.split('/').pop() ?? deps.locationId}`,
    });
  }

  /** Calls while a push waits to start share it; pushes and drift checks never overlap. */
  push(options: { checkDrift?: boolean } = {}): Promise<PushReport> {
    this.pending ??= this.serial(() => {
      this.pending = null;
      return this.runPush(options.checkDrift);
    });
    return this.pending;
  }

  detectDrift(): Promise<DriftReport> {
    return this.serial(() => this.runDrift());
  }

  listOpenIssues(): SyncIssue[] {
    return this.issues.listOpen();
  }

  listRecentIssues(sinceMs: number): SyncIssue[] {
    return this.issues.listRecent(sinceMs);
  }

  openIssueCount(): number {
    return this.issues.openCount();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async runPush(checkDrift: boolean | undefined): Promise<PushReport> {
    const { clock, catalog, stock, locationId } = this.deps;
    const startedAt = clock.now();
    this.pushesSinceDrift += 1;
    const dueForDrift = checkDrift ?? (this.driftEvery > 0 && this.pushesSinceDrift >= this.driftEvery);
    const drift = dueForDrift ? await this.runDrift() : null;

    const report: PushReport = {
      startedAt,
      durationMs: 0,
      location: 'missing',
      products: zero(),
      variants: zero(),
      stockLevels: { ...zero(), heldBack: 0 },
      calls: 0,
      drift,
      openIssues: 0,
    };
    report.location = await this.location.ensure();

    const plan = planPush(mapCatalogue(catalog.all(), stock.all(), locationId), {
      products: this.state.all('product'),
      variants: this.state.all('variant'),
      stockLevels: this.state.all('stock_level'),
    });

    for (const batch of chunk(plan.products, BATCH_LIMITS.products)) {
      await this.sendBatch('product', 'upsertProducts', batch, report, async () => ({
        outcome: await this.deps.client.upsertProducts(batch.map((c) => c.payload)),
        targetsOf: (t) => single(batch, t.index),
      }));
    }

    for (const batch of chunk(plan.variants, BATCH_LIMITS.variants)) {
      const call = variantCall(batch);
      await this.sendBatch('variant', 'upsertProductVariants', batch, report, async () => ({
        outcome: await this.deps.client.upsertProductVariants(call.inputs),
        targetsOf: (t) => {
          const group = call.members[t.index] ?? [];
          return t.variantIndex === null ? group : single(group, t.variantIndex);
        },
      }));
    }

    // A stock level can only name a variant Cloudshelf has; the rest wait for their variant.
    const onCloudshelf = this.state.all('variant');
    const levels = plan.stockLevels.filter((c) => report.location !== 'missing' && onCloudshelf.has(c.externalId));
    report.stockLevels.heldBack = plan.stockLevels.length - levels.length;
    for (const batch of chunk(levels, BATCH_LIMITS.stockLevels)) {
      const fields = await this.sendBatch('stock_level', 'upsertStockLevels', batch, report, async () => ({
        outcome: await this.deps.client.upsertStockLevels(batch.map((c) => c.payload)),
        targetsOf: (t) => single(batch, t.index),
      }));
      if (fields.has('locationId')) this.location.invalidate();
    }

    report.durationMs = clock.now() - startedAt;
    report.openIssues = this.issues.openCount();
    const c = (k: KindCounts): string => `${k.accepted}/${k.sent}`;
    logger.info(
      `push done in ${report.durationMs} ms: products ${c(report.products)}, variants ${c(report.variants)}, ` +
        `stock levels ${c(report.stockLevels)} (${report.stockLevels.heldBack} held back), location ${report.location}, ` +
        `${report.openIssues} open issue(s)`,
    );
    return report;
  }

  private async sendBatch(
    kind: PushedKind,
    operation: string,
    batch: readonly Change<unknown>[],
    report: PushReport,
    send: () => Promise<SendResult>,
  ): Promise<Set<string>> {
    const counts = kind === 'product' ? report.products : kind === 'variant' ? report.variants : report.stockLevels;
    counts.sent += batch.length;
    report.calls += 1;
    const { outcome, targetsOf } = await send();
    const at = this.deps.clock.now();
    const settled = this.deps.db.transaction(() =>
      settleBatch({ kind, operation, batch, outcome, targetsOf, state: this.state, issues: this.issues, at }),
    )();
    counts.accepted += settled.accepted;
    counts.rejected += settled.rejected;
    if (settled.rejected > 0) logger.warn(`${operation}: Cloudshelf refused ${settled.rejected} of ${batch.length}`);
    return settled.fieldsInError;
  }

  /**
   * Reads Cloudshelf back and compares the fields we own with what it last accepted. Every
   * difference becomes a 'cloudshelf_drift' issue and clears the entity's hash, so the next push
   * overwrites Cloudshelf with Stok.ly's value.
   */
  private async runDrift(): Promise<DriftReport> {
    const { clock, client } = this.deps;
    const startedAt = clock.now();
    this.pushesSinceDrift = 0;
    const products = new Map<string, ProductInput>();
    for (const [id, entity] of this.state.all('product')) {
      const payload = parseStoredProduct(entity);
      if (payload) products.set(id, payload);
    }
    const variants = new Map<string, ProductVariantInput>();
    for (const [id, entity] of this.state.all('variant')) {
      const payload = parseStoredVariant(entity);
      if (payload) variants.set(id, payload.input);
    }

    const remote = await readRemoteCatalogue(client, this.deps.driftPageSize ?? 100);
    const findings = findDrift(remote, products, variants);
    const at = clock.now();
    this.deps.db.transaction(() => {
      for (const entry of findings.entries) {
        this.issues.report({
          kind: 'cloudshelf_drift',
          entityKind: entry.entityKind,
          entity: entry.externalId,
          sku: entry.sku,
          code: entry.field,
          message: describeDrift(entry),
        }, at);
        this.state.clearHash(entry.entityKind, entry.externalId);
        // A variant recreated after deletion has lost its stock levels too.
        if (entry.entityKind === 'variant' && entry.field === 'exists') this.state.clearHash('stock_level', entry.externalId);
      }
      // Put right in Cloudshelf by hand since: nothing left to overwrite.
      for (const m of findings.matching) this.issues.resolve('cloudshelf_drift', m.entityKind, m.externalId, at);
    })();

    if (findings.entries.length > 0) {
      logger.warn(`drift: ${findings.entries.length} difference(s) from Stok.ly found in Cloudshelf; the next push overwrites them`);
    }
    return { checkedProducts: products.size, checkedVariants: variants.size, drifts: findings.entries, durationMs: clock.now() - startedAt };
  }
}
