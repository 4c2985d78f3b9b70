/** Trading days as "YYYY-MM-DD", in the store's time zone when it is known. */

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): boolean {
  return dayPattern.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Today's date in `timeZone` (the browser's own when null or unknown). */
export function todayIn(timeZone: string | null, now: Date = new Date()): string {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? undefined, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
}

/** The calendar day before `day` (no time zone involved: pure date arithmetic). */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function yesterdayIn(timeZone: string | null, now: Date = new Date()): string {
  return dayBefore(todayIn(timeZone, now));
}

/** "Wednesday 25 November 2026" for headings. */
export function formatDay(day: string): string {
  if (!isDay(day)) return day;
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
