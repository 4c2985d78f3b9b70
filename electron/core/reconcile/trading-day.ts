/**
 * Trading days in the store's time zone. A day is `YYYY-MM-DD`; its window is [start, end) in
 * UTC milliseconds, found with Intl so DST days are 23 or 25 hours long and a day whose
 * midnight does not exist starts at its first real instant.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export class TradingDayError extends Error {
  constructor(readonly day: string) {
    super(`"${day}" is not a calendar day (expected YYYY-MM-DD, e.g. 2026-11-26)`);
    this.name = 'TradingDayError';
  }
}

export function isTradingDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The store-local day an instant falls on. */
export function dayOf(instant: number, timeZone: string): string {
  return formatter(timeZone).format(new Date(instant));
}

/** Calendar arithmetic on day names (no time zone involved). */
export function addDays(day: string, n: number): string {
  if (!isTradingDay(day)) throw new TradingDayError(day);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** First instant whose local day is `day` or later: a binary search, since offsets lie within ±15 h. */
function startOf(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  let lo = utcMidnight - 15 * HOUR; // surely the day before, locally
  let hi = utcMidnight + 15 * HOUR; // surely `day` or later, locally
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayOf(mid, timeZone) >= day) hi = mid;
    else lo = mid;
  }
  return hi;
}

export interface DayWindow {
  day: string;
  timeZone: string;
  start: number;
  end: number;
}

export function dayWindow(day: string, timeZone: string): DayWindow {
  if (!isTradingDay(day)) throw new TradingDayError(day);
  return { day, timeZone, start: startOf(day, timeZone), end: startOf(addDays(day, 1), timeZone) };
}
