import type { Reconciler } from '../reconcile/reconciler.js';
import { addDays, dayOf } from '../reconcile/trading-day.js';
import type { ReconciliationFigures } from './metrics.js';

/** The last seven trading days (today excluded: it is still trading) as metrics see them. */
export function reconciliationFigures(reconciler: Reconciler): ReconciliationFigures {
  const today = dayOf(reconciler.now(), reconciler.timeZone);
  const from = addDays(today, -7);
  const daysByStatus = { provisional: 0, balanced: 0, variance: 0 };
  let latestClosed: string | null = null;
  for (const [day, r] of reconciler.store.latestByDay()) {
    if (day < from || day >= today) continue;
    daysByStatus[r.status] += 1;
    if (r.status !== 'provisional' && (latestClosed === null || day > latestClosed)) latestClosed = day;
  }
  const latestClosedVariance = latestClosed === null ? null : (reconciler.latest(latestClosed)?.totals.variance ?? null);
  return { daysByStatus, latestClosedVariance };
}
