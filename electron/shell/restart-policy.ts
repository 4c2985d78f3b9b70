import { retryPolicy, RetryStreak } from '../core/retry-policy.js';

/**
 * How long to wait before restarting a core that died: the agent's one retry policy, doubling
 * from `baseMs` up to `capMs` without jitter (one process, no crowd to spread). A core that
 * stayed up for `stableAfterMs` starts again from the base delay, so one crash a day restarts at
 * once while a crash loop (bad config, damaged database) backs off and does not flood the logs
 * or the notifications. It never gives up: a store PC is unattended.
 */
export interface RestartPolicyOptions {
  baseMs: number;
  capMs: number;
  stableAfterMs: number;
}

/** The configuration's defaults (retry.restart), for a shell that could not read the file. */
export const defaultRestartPolicy: RestartPolicyOptions = { baseMs: 1_000, capMs: 5 * 60_000, stableAfterMs: 2 * 60_000 };

export class RestartBackoff {
  private readonly streak: RetryStreak;

  constructor(private readonly options: RestartPolicyOptions = defaultRestartPolicy) {
    if (options.baseMs <= 0 || options.capMs < options.baseMs) throw new RangeError('restart policy: need 0 < baseMs <= capMs');
    this.streak = new RetryStreak(retryPolicy({ baseMs: options.baseMs, capMs: options.capMs, jitter: 'none' }));
  }

  /** Delay before the next start, given how long the core that just died was up. */
  nextDelay(uptimeMs: number): number {
    if (uptimeMs >= this.options.stableAfterMs) this.streak.reset();
    return this.streak.next();
  }

  reset(): void {
    this.streak.reset();
  }
}
