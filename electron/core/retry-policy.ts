/**
 * The one retry policy of the agent and its shell: exponential backoff with full jitter and a
 * cap, honouring a server's Retry-After. The outbox, its offline canary, the webhook sender, the
 * Cloudshelf client and the shell's restart of a dead core all draw their waits from here.
 *
 * Full jitter (a wait drawn uniformly from [min, min(cap, base·2^n))) spreads a store's retries
 * so a backlog does not hit a recovering server in waves; the cap keeps an old failure from
 * waiting for hours; a floor keeps a wait from being zero where an instant retry is pointless.
 */

export type Random = () => number;

export interface RetryPolicyOptions {
  /** The longest wait after the first failure; doubled for each further one. */
  baseMs: number;
  /** No computed wait is longer (a server's Retry-After may be). */
  capMs: number;
  /** No computed wait is shorter. Default 0 (plain full jitter). */
  minMs?: number;
  /**
   * `full` (default): a random wait up to the ceiling. `none`: the ceiling itself, for a single
   * process with no crowd to spread (the shell restarting its core).
   */
  jitter?: 'full' | 'none';
}

export interface RetryPolicy {
  /** The wait after `failures` earlier failures of the same thing (0 for the first retry). */
  delay(failures: number): number;
  /** As `delay`, unless the server said how long to wait: then exactly that (it knows best). */
  delayHonouring(failures: number, retryAfterMs: number | null): number;
  readonly options: Readonly<Required<RetryPolicyOptions>>;
}

/** The doubling stops here: 2^30 times any base is already past every sane cap. */
const MAX_DOUBLINGS = 30;

export function retryPolicy(options: RetryPolicyOptions, random: Random = Math.random): RetryPolicy {
  const { baseMs, capMs, minMs = 0, jitter = 'full' } = options;
  if (!(baseMs > 0) || !(capMs > 0) || !(minMs >= 0)) throw new RangeError('retry policy: need baseMs > 0, capMs > 0, minMs ≥ 0');
  const resolved = { baseMs, capMs, minMs, jitter } as const;
  const delay = (failures: number): number => {
    const n = Math.min(Math.max(0, Math.floor(failures)), MAX_DOUBLINGS);
    const ceiling = Math.min(capMs, baseMs * 2 ** n);
    // A floor above the cap would make the cap meaningless: the cap wins.
    const floor = Math.min(minMs, capMs);
    if (jitter === 'none' || ceiling <= floor) return Math.max(ceiling, floor);
    return floor + Math.floor(random() * (ceiling - floor));
  };
  return {
    options: resolved,
    delay,
    delayHonouring: (failures, retryAfterMs) => (retryAfterMs === null ? delay(failures) : Math.max(0, retryAfterMs)),
  };
}

/**
 * Consecutive failures of one thing (a link, a process), for callers that keep no attempt count
 * of their own: `next()` after each failure, `reset()` after a success.
 */
export class RetryStreak {
  private failures = 0;

  constructor(private readonly policy: RetryPolicy) {}

  next(): number {
    const wait = this.policy.delay(this.failures);
    this.failures += 1;
    return wait;
  }

  reset(): void {
    this.failures = 0;
  }

  get count(): number {
    return this.failures;
  }
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only something that looks like a date is read as one: V8's Date.parse takes "-5" or "1.5x" too.
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
