/**
 * How long to wait before restarting a core that died. Doubling from `baseMs` up to `capMs`;
 * a core that stayed up for `stableAfterMs` starts again from the base delay, so one crash a
 * day restarts at once while a crash loop (bad config, damaged database) backs off and does
 * not flood the logs or the notifications. It never gives up: a store PC is unattended.
 */
export interface RestartPolicyOptions {
  baseMs: number;
  capMs: number;
  stableAfterMs: number;
}

export const defaultRestartPolicy: RestartPolicyOptions = { baseMs: 1_000, capMs: 5 * 60_000, stableAfterMs: 2 * 60_000 };

export class RestartBackoff {
  private failures = 0;

  constructor(private readonly options: RestartPolicyOptions = defaultRestartPolicy) {
    if (options.baseMs <= 0 || options.capMs < options.baseMs) throw new RangeError('restart policy: need 0 < baseMs <= capMs');
  }

  /** Delay before the next start, given how long the core that just died was up. */
  nextDelay(uptimeMs: number): number {
    if (uptimeMs >= this.options.stableAfterMs) this.failures = 0;
    const delay = Math.min(this.options.capMs, this.options.baseMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    return delay;
  }

  reset(): void {
    this.failures = 0;
  }
}
