import type { Status } from '../../../shared/admin-api.js';
import type { CheckId, MovementList } from '../../../shared/month-end.js';
import type { RouteModule } from '../http/typed-app.js';
import { monthEndRoutes } from '../admin/routes/month-end.js';
import type { Clock } from '../clock.js';
import type { AuditRepo } from '../db/audit-repo.js';
import { CheckTicksRepo } from '../db/check-ticks-repo.js';
import type { Db } from '../db/connection.js';
import type { ExceptionsRepo } from '../db/exceptions-repo.js';
import { MonthSignOffsRepo } from '../db/month-signoffs-repo.js';
import { StockMovementsRepo } from '../db/stock-movements-repo.js';
import type { Alert } from '../monitor/alerts.js';
import type { Reconciler } from '../reconcile/reconciler.js';
import { addDays, dayWindow } from '../reconcile/trading-day.js';
import { ChecklistService } from './checklist.js';
import { MonthTakingsService } from './month-takings.js';
import { flagLabel } from '../../../shared/words/flags.js';
import { StockMovements, summarise } from './stock-movements.js';

const DAY_MS = 86_400_000;

export interface MonthEndDeps {
  db: Db;
  reconciler: Reconciler;
  audit: AuditRepo;
  exceptions: ExceptionsRepo;
  clock: Clock;
  storeId: string;
  movementAlertUnits: number;
  remindAfterHour: number;
  status(): Status;
  notify(alert: Alert): void;
}

export interface MonthEnd {
  /** For the stock pull: measures movements inside its transaction. */
  movements: StockMovements;
  routes: RouteModule;
  takings: MonthTakingsService;
  checklist: ChecklistService;
  listMovements(from: string, to: string): MovementList;
  stop(): void;
}

/** Month end for finance and retail ops: the month's takings and sign-off, stock movements, the checklist. */
export function startMonthEnd(deps: MonthEndDeps): MonthEnd {
  const { reconciler, clock } = deps;
  const tz = reconciler.timeZone;
  const movementsRepo = new StockMovementsRepo(deps.db);
  const movements = new StockMovements({ repo: movementsRepo, alertUnits: deps.movementAlertUnits, notify: deps.notify });
  const takings = new MonthTakingsService({ reconciler, signOffs: new MonthSignOffsRepo(deps.db), audit: deps.audit, clock });
  const listMovements = (from: string, to: string): MovementList => ({
    from, to, timeZone: tz,
    items: summarise(movementsRepo.between(dayWindow(from, tz).start, dayWindow(to, tz).end)),
  });

  const hints = (day: string, month: string): Partial<Record<CheckId, string>> => {
    const s = deps.status();
    const now = clock.now();
    const out: Partial<Record<CheckId, string>> = {};
    const stockAge = s.sync.stock.lastSuccessAt ? Math.round((now - Date.parse(s.sync.stock.lastSuccessAt)) / 60_000) : null;
    out.sync_ok = `Stok.ly ${s.stokly.online ? 'reachable' : 'not reachable'}; ${s.counts.pending} waiting, ${s.counts.exception} in exceptions; `
      + (stockAge === null ? 'stock never updated' : `stock updated ${stockAge} min ago`);
    const old = deps.exceptions.list({ status: 'open', limit: 500, offset: 0 }).filter((e) => e.createdAt < now - DAY_MS).length;
    out.no_old_exceptions = old === 0 ? 'none older than a day' : `${old} open exception(s) older than a day`;
    const yesterday = reconciler.latest(addDays(day, -1));
    out.takings_balanced = yesterday ? `yesterday is ${yesterday.status} (version ${yesterday.version})` : 'yesterday has no report yet';
    const flags = Object.entries(s.flags).filter(([, n]) => n > 0);
    out.stock_flags_reviewed = flags.length === 0 ? 'no flags raised' : flags.map(([f, n]) => `${n} ${flagLabel(f).toLowerCase()}`).join(', ');
    const moved = listMovements(`${month}-01`, addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1)).items.length;
    out.movements_reviewed = `${moved} SKU(s) moved without a kiosk sale in ${month}`;
    const signOff = takings.signOffState(month);
    out.month_signed_off = !signOff ? `${month} not signed off yet`
      : signOff.outOfDate ? `signed off by ${signOff.by}, but ${signOff.changedDays.join(', ')} changed since: sign off again`
        : `signed off by ${signOff.by}`;
    return out;
  };
  const checklist = new ChecklistService({ ticks: new CheckTicksRepo(deps.db), audit: deps.audit, clock, timeZone: tz, remindAfterHour: deps.remindAfterHour, hints });

  return {
    movements, takings, checklist, listMovements,
    routes: monthEndRoutes({ takings, checklist, movements: listMovements }, deps.storeId),
    stop: () => {},
  };
}
