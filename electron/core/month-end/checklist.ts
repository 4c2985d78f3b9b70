import type { Check, CheckId, Checklist, CheckTickInput } from '../../../shared/month-end.js';
import type { Clock } from '../clock.js';
import type { AuditRepo } from '../db/audit-repo.js';
import type { CheckTicksRepo } from '../db/check-ticks-repo.js';
import { addDays, dayOf, isTradingDay } from '../reconcile/trading-day.js';

/** The handbook's checks (docs/handbook.md, "Every day" and "Every month"), in its words. */
export const CHECKS: ReadonlyArray<Pick<Check, 'id' | 'cadence' | 'title' | 'owner' | 'how'>> = [
  { id: 'sync_ok', cadence: 'daily', owner: 'store', title: 'Sync is OK',
    how: 'Status shows Stok.ly reachable, nothing waiting long in the outbox and stock updated in the last few minutes.' },
  { id: 'no_old_exceptions', cadence: 'daily', owner: 'store', title: 'No exception older than a day',
    how: 'Needs attention has nothing opened before yesterday; fix or hand on anything older.' },
  { id: 'takings_balanced', cadence: 'daily', owner: 'finance', title: "Yesterday's takings balanced or explained",
    how: 'Takings for yesterday is balanced, or every variance line has a reason you accept.' },
  { id: 'stock_flags_reviewed', cadence: 'daily', owner: 'retail_ops', title: 'Stock flags reviewed',
    how: 'Stock → flags: oversold and price/tax differences looked at and passed on to whoever fixes them in Stok.ly.' },
  { id: 'movements_reviewed', cadence: 'monthly', owner: 'retail_ops', title: 'Stock movements reviewed',
    how: "Stock → Movements for last month: every large receipt, adjustment, transfer or loss is one you can account for." },
  { id: 'month_signed_off', cadence: 'monthly', owner: 'finance', title: "Last month's takings signed off",
    how: 'Takings → Month for last month: every provisional or variance day looked at, then the month signed off by name.' },
];

export interface ChecklistDeps {
  ticks: CheckTicksRepo;
  audit: AuditRepo;
  clock: Clock;
  timeZone: string;
  /** Store-local hour (0–23) after which today's unticked daily checks show as overdue. */
  remindAfterHour: number;
  /** What the agent can see for each check now (day: today; month: the month to close). */
  hints(day: string, month: string): Partial<Record<CheckId, string>>;
}

export class CheckPeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckPeriodError';
  }
}

const hourIn = (instant: number, timeZone: string): number =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(instant)));

/** The month before the one `day` falls in: the month whose close the monthly checks are about. */
export const monthToClose = (day: string): string => addDays(`${day.slice(0, 7)}-01`, -1).slice(0, 7);

/**
 * The daily checks (for today) and the monthly checks (for the month just ended), each ticked
 * by a named person with an optional note; every tick goes to the audit log.
 */
export class ChecklistService {
  constructor(private readonly deps: ChecklistDeps) {}

  today(): string {
    return dayOf(this.deps.clock.now(), this.deps.timeZone);
  }

  list(day = this.today()): Checklist {
    const month = monthToClose(day);
    const ticks = this.deps.ticks.latestFor([day, month]);
    const hints = this.deps.hints(day, month);
    const checks: Check[] = CHECKS.map((c) => {
      const period = c.cadence === 'daily' ? day : month;
      const t = ticks.find((x) => x.checkId === c.id && x.period === period);
      return { ...c, period, hint: hints[c.id] ?? null, ticked: t ? { by: t.by, at: new Date(t.at).toISOString(), note: t.note } : null };
    });
    const now = this.deps.clock.now();
    const late = day === this.today() && hourIn(now, this.deps.timeZone) >= this.deps.remindAfterHour;
    const overdue = late ? checks.filter((c) => c.cadence === 'daily' && !c.ticked).map((c) => c.id) : [];
    return { day, month, checks, overdue };
  }

  tick(input: CheckTickInput): Checklist {
    const check = CHECKS.find((c) => c.id === input.check);
    if (!check) throw new CheckPeriodError(`no check ${input.check}`);
    const today = this.today();
    const period = input.period ?? (check.cadence === 'daily' ? today : monthToClose(today));
    if (check.cadence === 'daily' ? !isTradingDay(period) || period > today : !/^\d{4}-(0[1-9]|1[0-2])$/.test(period) || period >= today.slice(0, 7)) {
      throw new CheckPeriodError(check.cadence === 'daily'
        ? `"${period}" is not today or an earlier day (YYYY-MM-DD)`
        : `"${period}" is not a month that has ended (YYYY-MM)`);
    }
    const at = this.deps.clock.now();
    const note = input.note?.trim() || null;
    this.deps.ticks.add({ checkId: check.id, period, by: input.actor, note, at });
    this.deps.audit.append({
      at, actor: input.actor, action: 'check_ticked', subjectKind: 'check', subjectRef: `${period}/${check.id}`,
      after: { check: check.id, period }, ...(note ? { detail: note } : {}),
    });
    return this.list(check.cadence === 'daily' ? period : today);
  }
}
