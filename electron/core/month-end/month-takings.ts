import type { MonthSignOff, MonthSignOffInput, MonthTakings } from '../../../shared/month-end.js';
import type { ReconciliationReport } from '../../../shared/reconciliation.js';
import type { Clock } from '../clock.js';
import type { AuditRepo } from '../db/audit-repo.js';
import type { MonthSignOffsRepo, StoredSignOff } from '../db/month-signoffs-repo.js';
import { scopedLogger } from '../logging/logger.js';
import { monthEnded, startedDays, sumMonth } from '../reconcile/month.js';
import type { Reconciler } from '../reconcile/reconciler.js';
import { dayOf } from '../reconcile/trading-day.js';
import { StoklyHttpError, StoklyNetworkError, StoklyResponseError } from '../stokly/errors.js';

const logger = scopedLogger('month-takings');

export class MonthNotStartedError extends Error {
  constructor(readonly month: string) {
    super(`${month} has not started yet in the store's time zone: there are no takings to add up`);
    this.name = 'MonthNotStartedError';
  }
}

export interface MonthTakingsDeps {
  reconciler: Reconciler;
  signOffs: MonthSignOffsRepo;
  audit: AuditRepo;
  clock: Clock;
}

/**
 * The month as the sum of its daily reports: each day's latest stored version, building the
 * days that have none (and today, still trading, so its figures are current). A day Stok.ly
 * cannot be read for is listed as not built rather than failing the whole month.
 */
export class MonthTakingsService {
  constructor(private readonly deps: MonthTakingsDeps) {}

  async month(month: string): Promise<MonthTakings> {
    const { reconciler, clock } = this.deps;
    const now = clock.now();
    const tz = reconciler.timeZone;
    const days = startedDays(month, tz, now);
    if (days.length === 0) throw new MonthNotStartedError(month);
    const today = dayOf(now, tz);
    const entries: Array<{ day: string; report: ReconciliationReport | null }> = [];
    for (const day of days) {
      const stored = day === today ? undefined : reconciler.latest(day);
      entries.push({ day, report: stored ?? (await this.buildOrNull(day)) ?? reconciler.latest(day) ?? null });
    }
    const taken = sumMonth(month, tz, monthEnded(month, tz, now), entries);
    const latest = this.deps.signOffs.latest(month);
    return { ...taken, signOff: latest ? this.describe(latest, taken.days) : null };
  }

  /** Marks the month reviewed by a named person, recording the report versions they saw. */
  async signOff(month: string, input: MonthSignOffInput): Promise<MonthTakings> {
    const seen = await this.month(month);
    const versions: Record<string, number> = {};
    for (const d of seen.days) if (d.version !== null) versions[d.day] = d.version;
    const at = this.deps.clock.now();
    const stored = this.deps.signOffs.add({ month, by: input.actor, note: input.note?.trim() || null, versions, at });
    this.deps.audit.append({
      at, actor: input.actor, action: 'month_signed_off', subjectKind: 'month', subjectRef: month,
      after: { status: seen.status, variance: seen.totals.variance, versions }, ...(stored.note ? { detail: stored.note } : {}),
    });
    logger.info(`${month} signed off by ${input.actor} (${seen.status}, variance ${seen.totals.variance})`);
    return { ...seen, signOff: this.describe(stored, seen.days) };
  }

  /** Whether the month's latest sign-off still matches every day's latest version. */
  signOffState(month: string): MonthSignOff | null {
    const latest = this.deps.signOffs.latest(month);
    if (!latest) return null;
    const days = Object.keys(latest.versions).map((day) => ({ day, version: this.deps.reconciler.latest(day)?.version ?? null }));
    return this.describe(latest, days);
  }

  private describe(s: StoredSignOff, days: ReadonlyArray<{ day: string; version: number | null }>): MonthSignOff {
    // A day with a version newer than the one seen, or a report for a day that had none.
    const changedDays = days.filter((d) => d.version !== null && d.version !== s.versions[d.day]).map((d) => d.day);
    return { id: s.id, by: s.by, at: new Date(s.at).toISOString(), note: s.note, versions: s.versions, outOfDate: changedDays.length > 0, changedDays };
  }

  private async buildOrNull(day: string): Promise<ReconciliationReport | null> {
    try {
      return await this.deps.reconciler.build(day);
    } catch (err) {
      if (!(err instanceof StoklyNetworkError || err instanceof StoklyHttpError || err instanceof StoklyResponseError)) throw err;
      logger.warn(`${day}: not built for the month: ${err.message}`);
      return null;
    }
  }
}
