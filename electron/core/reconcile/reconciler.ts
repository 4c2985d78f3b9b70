import { DomainError } from '../domain-errors.js';
import type { ReconciliationReport, ReconciliationStatus, ReconciliationVersion } from '../../../shared/reconciliation.js';
import type { Clock } from '../clock.js';
import { tenderMapping, type Config } from '../config.js';
import type { Db } from '../db/connection.js';
import { scopedLogger } from '../logging/logger.js';
import type { StoklyClient } from '../stokly/client.js';
import { sourceReferenceId } from '../stokly/sale-order-mapping.js';
import { compareDay, matchKey, type Elsewhere, type KnownTxn } from './compare.js';
import { findKioskTxn, hasKioskActivity, readKioskDay, receivedSince, type KioskTxn } from '../db/kiosk-day-repo.js';
import { ReportStore, type ReportContent } from '../db/reconciliation-reports-repo.js';
import { findByReference, readStoklyDay, referencePrefix, type StoklyDoc } from './stokly-side.js';
import { TenderGroups, type TenderMappingEntry } from './tender-groups.js';
import { dayOf, dayWindow, type DayWindow } from './trading-day.js';

const logger = scopedLogger('reconcile');

/** Posted transactions missing from the day are looked up one by one; past this many, they are only listed. */
const MAX_LOOKUPS = 50;

export class FutureDayError extends DomainError {
  constructor(readonly day: string) {
    super('not_found', 'day_not_started', `${day} has not started yet in the store's time zone: there is nothing to reconcile`);
    this.name = 'FutureDayError';
  }
}

export interface ReconcilerDeps {
  db: Db;
  client: StoklyClient;
  config: Config;
  clock: Clock;
  /** Tender → method and ledger; default: the configuration (tenderMapping). */
  tenderMapping?: (tender: string) => TenderMappingEntry | undefined;
}

/**
 * Builds a day's report from the kiosk side (the local database) and the Stok.ly side (read
 * back from Stok.ly), and keeps its versions. Builds of one day run one after another.
 */
export class Reconciler {
  readonly store: ReportStore;
  private readonly running = new Map<string, Promise<ReconciliationReport>>();

  constructor(private readonly deps: ReconcilerDeps) {
    this.store = new ReportStore(deps.db);
  }

  get timeZone(): string {
    return this.deps.config.reconciliation.timeZone;
  }

  window(day: string): DayWindow {
    return dayWindow(day, this.timeZone);
  }

  now(): number {
    return this.deps.clock.now();
  }

  /** Whether any sale or refund occurred on the day. */
  hasActivity(day: string): boolean {
    return hasKioskActivity(this.deps.db, this.window(day));
  }

  /** Days that received a sale or refund after `since` (ISO), with the latest receipt of each. */
  receivedSince(since: string): Map<string, string> {
    return receivedSince(this.deps.db, since, this.timeZone);
  }

  /** Builds the day now; returns the latest version (new if the figures changed). */
  build(day: string): Promise<ReconciliationReport> {
    let window: DayWindow;
    try {
      window = this.window(day); // validates the day before queueing
    } catch (err) {
      return Promise.reject(err as Error);
    }
    if (window.start > this.deps.clock.now()) return Promise.reject(new FutureDayError(day));
    const previous = this.running.get(day) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.buildNow(window));
    this.running.set(day, next);
    const clear = (): void => {
      if (this.running.get(day) === next) this.running.delete(day);
    };
    next.then(clear, clear);
    return next;
  }

  latest(day: string): ReconciliationReport | undefined {
    return this.store.latest(day);
  }

  version(day: string, version: number): ReconciliationReport | undefined {
    return this.store.version(day, version);
  }

  versions(day: string): ReconciliationVersion[] {
    return this.store.versions(day);
  }

  private async buildNow(window: DayWindow): Promise<ReconciliationReport> {
    const { db, client, config, clock } = this.deps;
    // The kiosk side first: a transaction it calls posted was posted before Stok.ly is read.
    const builtAt = clock.now();
    const kiosk = readKioskDay(db, window);
    // Only for Stok.ly documents that omit their currency (none seen so far).
    const currency = kiosk[0]?.currency ?? 'GBP';
    const scope = { storeId: config.storeId, channelId: config.stokly.channelId, currency };
    const stokly = await readStoklyDay(client, window, scope);

    const notes: string[] = [];
    const elsewhere = await this.lookUpMissing(kiosk, stokly, currency, notes);
    const known = this.lookUpOrphans(kiosk, stokly);
    const mapping = this.deps.tenderMapping ?? ((t: string) => tenderMapping(config, t));
    const groups = new TenderGroups(Object.keys(config.tenders), mapping);
    const result = compareDay({ window, storeId: config.storeId, channelId: config.stokly.channelId, kiosk, stokly, groups, elsewhere, known });

    const provisionalReasons = [...(builtAt < window.end ? (['day_open'] as const) : []), ...result.provisionalReasons];
    const status: ReconciliationStatus = provisionalReasons.length > 0
      ? 'provisional'
      : result.lines.length === 0 && result.tenders.every((t) => t.variance === 0) ? 'balanced' : 'variance';
    const content: ReportContent = {
      day: window.day,
      timeZone: window.timeZone,
      start: new Date(window.start).toISOString(),
      end: new Date(window.end).toISOString(),
      storeId: config.storeId,
      channelId: config.stokly.channelId,
      currency: result.currency,
      status,
      provisionalReasons,
      tenders: result.tenders,
      totals: result.totals,
      lines: result.lines,
      pending: result.pending,
      notes: [...result.notes, ...notes],
    };
    const { report, created } = this.store.save(content, builtAt);
    if (created) logger.info(`${window.day}: version ${report.version}, ${report.status}, variance ${report.totals.variance}, ${report.lines.length} line(s)`);
    return report;
  }

  /** Posted, yet not among the day's documents: where is it in Stok.ly, if anywhere? */
  private async lookUpMissing(kiosk: readonly KioskTxn[], stokly: readonly StoklyDoc[], currency: string, notes: string[]): Promise<Map<string, Elsewhere>> {
    const { client, config } = this.deps;
    const present = new Set(stokly.map((d) => matchKey(d.kind, d.reference)));
    const missing = kiosk
      .filter((t) => t.state === 'posted')
      .map((t) => ({ txn: t, reference: sourceReferenceId(config.storeId, t.id) }))
      .filter((m) => !present.has(matchKey(m.txn.kind, m.reference)));
    if (missing.length > MAX_LOOKUPS) notes.push(`${missing.length} posted transactions are not among Stok.ly's documents of the day; only the first ${MAX_LOOKUPS} were looked up elsewhere`);
    const out = new Map<string, Elsewhere>();
    for (const m of missing.slice(0, MAX_LOOKUPS)) {
      const docs = await findByReference(client, m.txn.kind, m.reference, currency);
      out.set(matchKey(m.txn.kind, m.reference), docs.map((d) => ({
        id: d.id, niceId: d.niceId, createdAt: d.createdAt, day: dayOf(Date.parse(d.createdAt), this.timeZone), channelId: d.channelId,
      })));
    }
    return out;
  }

  /** Documents of the day with no kiosk transaction of the day: does the agent know the id at all? */
  private lookUpOrphans(kiosk: readonly KioskTxn[], stokly: readonly StoklyDoc[]): Map<string, KnownTxn | undefined> {
    const { db, config } = this.deps;
    const ours = new Set(kiosk.map((t) => matchKey(t.kind, sourceReferenceId(config.storeId, t.id))));
    const prefix = referencePrefix(config.storeId);
    const out = new Map<string, KnownTxn | undefined>();
    for (const d of stokly) {
      const key = matchKey(d.kind, d.reference);
      if (ours.has(key) || out.has(key)) continue;
      out.set(key, findKioskTxn(db, d.kind, d.reference.slice(prefix.length), this.timeZone));
    }
    return out;
  }
}
