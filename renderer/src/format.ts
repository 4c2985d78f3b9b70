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

export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
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
