import { formatMoney } from '../../shared/money.js';

/** "45 s", "12 min", "3 h 5 min", "2 days": how long something has waited. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

/**
 * The store's time zone for every time on screen (set once the agent has said it; until then
 * this PC's own). Module state rather than a hook: the window shows one store, and every time
 * on screen is written by `formatTime`.
 */
let displayTimeZone: string | null = null;

export function setDisplayTimeZone(timeZone: string | null): void {
  displayTimeZone = timeZone;
}

function dayIn(at: Date, timeZone: string | null): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? undefined, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  }
}

function parts(at: Date, timeZone: string | null, options: Intl.DateTimeFormatOptions): string {
  try {
    return at.toLocaleString('en-GB', { ...options, timeZone: timeZone ?? undefined });
  } catch {
    return at.toLocaleString('en-GB', options);
  }
}

const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * A time in words, in the store's time zone: "today 10:15", "yesterday 16:02", "Monday 09:30"
 * (this week), "30 Nov 14:05", "30 Nov 2025 14:05" (another year).
 */
export function formatWhen(iso: string | null, timeZone: string | null, now: Date = new Date()): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const clock = parts(at, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = dayIn(at, timeZone);
  const today = dayIn(now, timeZone);
  const ago = daysBetween(day, today);
  if (ago === 0) return `today ${clock}`;
  if (ago === 1) return `yesterday ${clock}`;
  if (ago === -1) return `tomorrow ${clock}`;
  if (ago > 1 && ago < 7) return `${parts(at, timeZone, { weekday: 'long' })} ${clock}`;
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return `${parts(at, timeZone, sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' })} ${clock}`;
}

/** Any time on screen: in words, in the store's time zone. */
export function formatTime(iso: string | null): string {
  return formatWhen(iso, displayTimeZone);
}

/** Minor units for people ("£12.50"); never throws on an odd currency code. */
export function formatAmount(minor: number, currency: string | null): string {
  if (!currency) return minor === 0 ? '—' : String(minor);
  try {
    return formatMoney(minor, currency);
  } catch {
    return `${minor} (minor units of ${currency})`;
  }
}

/** Age of an ISO time as "12 min", relative to `now` (ms). */
export function ageOf(iso: string, now: number): string {
  return formatAge((now - Date.parse(iso)) / 1000);
}

/** "10:15" in this PC's clock: when figures on screen were fetched. */
export function formatClock(at: Date): string {
  return at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
