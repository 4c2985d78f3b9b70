/**
 * When to look for an update and when to install one. Installing restarts the app, which
 * stops the kiosk API for a minute, so it happens only inside the store's maintenance window
 * (configuration: updates.maintenanceWindow) and waits until no sale is waiting or being sent. Sales
 * are durable in the outbox, so an update waiting too long (a store offline for days) goes in
 * anyway when nothing is in flight, and a core that keeps failing is updated in the next window
 * without waiting for its outbox: the update may be the fix. Otherwise it installs when the app quits.
 */
export interface MaintenanceWindow {
  /** "HH:MM", 24-hour, in `timeZone`; end before start means the window crosses midnight. */
  start: string;
  end: string;
  /** IANA zone (the store's); absent: the machine's own. */
  timeZone?: string;
}

export interface UpdatePolicyOptions {
  checkEveryMs: number;
  maxDeferMs: number;
  /** Null: any time of day (tests, or a store that never closes and accepts the pause). */
  maintenanceWindow: MaintenanceWindow | null;
}

export const defaultUpdatePolicy: UpdatePolicyOptions = {
  checkEveryMs: 6 * 60 * 60_000,
  maxDeferMs: 3 * 24 * 60 * 60_000,
  maintenanceWindow: null,
};

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Minutes since midnight at `now` in the zone (Intl, so daylight saving is handled). */
function localMinutes(now: number, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(now));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/** Whether `now` falls inside the window: start inclusive, end exclusive. */
export function insideMaintenanceWindow(now: number, window: MaintenanceWindow | null): boolean {
  if (!window) return true;
  const at = localMinutes(now, window.timeZone);
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  return start < end ? at >= start && at < end : at >= start || at < end;
}

/** What the shell knows about the outbox when deciding. */
export type OutboxView =
  | { kind: 'counts'; pending: number; sending: number }
  /** The core is not running (crashed, restarting after a fatal error). */
  | { kind: 'core-down' }
  /** Starting, or the status could not be read: do not guess. */
  | { kind: 'unknown' };

export type InstallDecision = { install: true; reason: string } | { install: false; reason: string };

/** Milliseconds until the next check: at once on start, then every `checkEveryMs`. */
export function nextCheckDelay(lastCheckAt: number | null, now: number, options = defaultUpdatePolicy): number {
  if (lastCheckAt === null) return 0;
  return Math.max(0, lastCheckAt + options.checkEveryMs - now);
}

export function installDecision(
  input: { downloadedAt: number | null; now: number; outbox: OutboxView },
  options = defaultUpdatePolicy,
): InstallDecision {
  if (input.downloadedAt === null) return { install: false, reason: 'no update downloaded' };
  if (!insideMaintenanceWindow(input.now, options.maintenanceWindow)) {
    const w = options.maintenanceWindow;
    return { install: false, reason: `outside the maintenance window${w ? ` (${w.start}–${w.end})` : ''}` };
  }
  const { outbox } = input;
  switch (outbox.kind) {
    case 'core-down':
      return { install: true, reason: 'the agent is not running' };
    case 'unknown':
      return { install: false, reason: 'outbox state unknown' };
    case 'counts': {
      if (outbox.sending > 0) return { install: false, reason: `${outbox.sending} sale(s) being sent` };
      if (outbox.pending === 0) return { install: true, reason: 'outbox idle' };
      if (input.now - input.downloadedAt >= options.maxDeferMs) {
        return { install: true, reason: `deferred too long; ${outbox.pending} waiting sale(s) resume after the restart` };
      }
      return { install: false, reason: `${outbox.pending} sale(s) waiting` };
    }
    default: {
      const unreachable: never = outbox;
      return unreachable;
    }
  }
}
