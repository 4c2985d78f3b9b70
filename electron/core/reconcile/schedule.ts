import { scopedLogger } from '../logging/logger.js';
import type { Scheduler } from '../schedule.js';
import { StoklyHttpError, StoklyNetworkError } from '../stokly/errors.js';
import type { Reconciler } from './reconciler.js';
import { addDays, dayOf } from './trading-day.js';

const logger = scopedLogger('reconcile-schedule');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface ReconciliationScheduleOptions {
  /** How often the sweep looks for days to build (seconds). */
  intervalSeconds?: number;
  /** A day is first built this long after it ends, so its last sales have been posted. */
  settleMinutes?: number;
  /** Days this far back are built if they had kiosk activity and have no report, and re-read daily. */
  lookbackDays?: number;
  /** A recent day's report is re-read from Stok.ly when its last check is older than this (edits made in Stok.ly). */
  recheckHours?: number;
  /** At start, receipts this far back are checked for late arrivals. */
  lateWindowDays?: number;
}

export const RECONCILIATION_SCHEDULE_DEFAULTS: Required<ReconciliationScheduleOptions> = {
  intervalSeconds: 900, settleMinutes: 15, lookbackDays: 7, recheckHours: 24, lateWindowDays: 35,
};

/**
 * Which days to build now:
 * - yesterday, once it has ended and settled, if it has no report (the day-end build);
 * - a recent day with kiosk activity but no report (the agent was off at day end);
 * - any ended day whose latest report is provisional;
 * - any ended day that received a sale or refund after its latest check (a late arrival:
 *   `received_at` later than the latest version's `checked_at`);
 * - a recent day whose last check is older than `recheckHours`.
 */
export function dueDays(reconciler: Reconciler, now: number, receivedAfter: string, opts: Required<ReconciliationScheduleOptions>): string[] {
  const tz = reconciler.timeZone;
  const settled = (day: string): boolean => now >= reconciler.window(day).end + opts.settleMinutes * MINUTE;
  const latest = reconciler.store.latestByDay();
  const due = new Set<string>();
  const yesterday = addDays(dayOf(now, tz), -1);
  for (let i = opts.lookbackDays; i >= 0; i--) {
    const day = addDays(yesterday, -i);
    if (!settled(day)) continue;
    const report = latest.get(day);
    if (!report) {
      if (day === yesterday || reconciler.hasActivity(day)) due.add(day);
    } else if (now - report.checkedAt >= opts.recheckHours * HOUR) {
      due.add(day);
    }
  }
  for (const [day, report] of latest) if (report.status === 'provisional' && settled(day)) due.add(day);
  // An open day's report is provisional anyway (day_open) and is caught by the rule above once it settles.
  for (const [day, lastReceived] of reconciler.receivedSince(receivedAfter)) {
    const report = latest.get(day);
    if (now >= reconciler.window(day).end && (!report || Date.parse(lastReceived) > report.checkedAt)) due.add(day);
  }
  return [...due].sort();
}

/**
 * The day-end build and its follow-ups, as one sweep every `intervalSeconds` rather than a cron
 * at 00:15: node-schedule's cron runs in the machine's zone, not necessarily the store's, and
 * a sweep also catches up after the PC was off at day end.
 */
export function scheduleReconciliation(scheduler: Scheduler, reconciler: Reconciler, options: ReconciliationScheduleOptions = {}): void {
  const opts = { ...RECONCILIATION_SCHEDULE_DEFAULTS, ...options };
  let receivedAfter = new Date(reconciler.now() - opts.lateWindowDays * DAY).toISOString();
  scheduler.every('reconciliation', opts.intervalSeconds, async () => {
    const sweptAt = reconciler.now();
    const days = dueDays(reconciler, sweptAt, receivedAfter, opts);
    let failed = false;
    for (const day of days) {
      try {
        await reconciler.build(day);
      } catch (err) {
        failed = true;
        logger.warn(`${day}: reconciliation not built: ${(err as Error).message}`);
        // Stok.ly unreachable or failing: the next sweep tries again.
        if (err instanceof StoklyNetworkError || (err instanceof StoklyHttpError && err.kind !== 'permanent')) break;
      }
    }
    // Late arrivals are looked for again only once every day they touched was built.
    if (!failed) receivedAfter = new Date(sweptAt).toISOString();
  });
}
