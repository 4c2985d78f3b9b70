import type { Clock } from '../clock.js';
import type { OutboxRepo, OutboxRow } from '../db/outbox-repo.js';
import { scopedLogger } from '../logging/logger.js';
import { retryPolicy, RetryStreak, type RetryPolicy } from '../retry-policy.js';
import { MAX_RETRY_AFTER_MS } from '../stokly/rate-gate.js';
import type { SendResult } from './send-result.js';
import type { StorageHealth } from '../storage/storage-health.js';

const logger = scopedLogger('outbox');

export interface RunnerOptions {
  concurrency: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Stok.ly unreachable: the longest wait between two canary sends. */
  offlineCanaryCapMs: number;
  unknownOutcomeGraceMs: number;
  pollIntervalMs: number;
  /** Fallback pause for a 429 without Retry-After. */
  rateLimitPauseMs: number;
}

export type Sender = (row: OutboxRow) => Promise<SendResult>;

export interface RunnerDeps {
  outbox: OutboxRepo;
  clock: Clock;
  send: Sender;
  /** Pause every Stok.ly request until this time (the client's rate gate). */
  pauseQueue(untilMs: number): void;
  pausedUntil(): number | null;
  /** Stok.ly unreachable: send one row at a time (a canary) instead of hammering a dead link. */
  offline?(): boolean;
  random?: () => number;
  onResult?(row: OutboxRow, result: SendResult): void;
  /** Where a failed database step is reported (logged once per episode). */
  storage?: StorageHealth;
}

/**
 * Claims due rows and sends up to `concurrency` at once. Wakes on enqueue, when a send
 * finishes and on a timer; a permanent failure becomes an exception and the rest go on.
 */
export class OutboxRunner {
  private inFlight = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private ticking = false;
  private again = false;
  /** A row's own wait after a failed send. */
  private readonly retry: RetryPolicy;
  /** While Stok.ly is down: the whole queue waits between canary sends, growing up to `offlineCanaryCapMs`. */
  private readonly offlineWaits: RetryStreak;
  private offlineUntil = 0;
  /** Rows left `sending` by the last run still need recovering (the database may have refused at start). */
  private recovered = false;
  /** Send results the database could not record yet (disk full, locked): recorded on a later tick. */
  private unapplied: Array<{ row: OutboxRow; result: SendResult }> = [];

  constructor(private readonly deps: RunnerDeps, private readonly options: RunnerOptions) {
    this.retry = retryPolicy({ baseMs: options.backoffBaseMs, capMs: options.backoffCapMs }, deps.random);
    // Never below the base: a canary that just failed is not sent again at once.
    this.offlineWaits = new RetryStreak(retryPolicy({ baseMs: options.backoffBaseMs, capMs: options.offlineCanaryCapMs, minMs: options.backoffBaseMs }, deps.random));
  }

  start(): void {
    this.running = true;
    this.wake();
  }

  private recoverOnce(): void {
    if (this.recovered) return;
    const maxDelayMs = Math.max(this.options.backoffCapMs, this.options.rateLimitPauseMs, MAX_RETRY_AFTER_MS);
    const recovered = this.deps.outbox.recoverInterrupted(this.deps.clock.now(), this.options.unknownOutcomeGraceMs, maxDelayMs);
    this.recovered = true;
    if (recovered) logger.warn(`${recovered} row(s) were being sent when the agent stopped: their outcome is unknown and will be looked up in Stok.ly before any repeat`);
  }

  /** Stops claiming; waits up to `graceMs` for sends in flight. Rows still sending are recovered at next start. */
  async stop(graceMs = 5_000): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const all = Promise.allSettled([...this.inFlight.values()]);
    await Promise.race([all, new Promise((r) => setTimeout(r, graceMs).unref())]);
  }

  get busy(): number {
    return this.inFlight.size;
  }

  /** Stok.ly is reachable again: rows in a network backoff go now. */
  reconnected(): void {
    this.offlineWaits.reset();
    this.offlineUntil = 0;
    try {
      const n = this.deps.outbox.makeDueNow(this.deps.clock.now(), this.options.unknownOutcomeGraceMs);
      if (n) logger.info(`Stok.ly is back: ${n} waiting row(s) go now`);
    } catch (err) {
      // Rows go at their own time instead; nothing is lost.
      this.stepFailed(err);
    }
    this.wake();
  }

  wake(): void {
    if (!this.running) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = true;
    try {
      do {
        this.again = false;
        try {
          this.tick();
          this.deps.storage?.stepSucceeded('outbox poll');
        } catch (err) {
          // A locked or full disk must not stop the agent: try again after a poll interval.
          this.stepFailed(err);
          this.retryLater();
          return;
        }
      } while (this.again && this.running);
    } finally {
      this.ticking = false;
    }
  }

  private stepFailed(err: unknown): void {
    if (this.deps.storage) this.deps.storage.stepFailed('outbox poll', err);
    else logger.error(`outbox poll failed: ${(err as Error).message}; retrying`);
  }

  private retryLater(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), Math.max(100, this.options.pollIntervalMs));
    this.timer.unref();
  }

  private tick(): void {
    this.recoverOnce();
    // Results that could not be recorded before come first; their rows stay `sending` meanwhile, so none is claimed twice.
    while (this.unapplied.length) {
      const first = this.unapplied[0];
      if (!first) break;
      this.apply(first.row, first.result);
      this.unapplied.shift();
    }
    const now = this.deps.clock.now();
    const rateLimited = this.deps.pausedUntil();
    const paused = rateLimited ?? (this.offlineUntil > now ? this.offlineUntil : null);
    if (paused === null) {
      const limit = this.deps.offline?.() ? 1 : this.options.concurrency;
      const rows = this.deps.outbox.claimDue(now, limit - this.inFlight.size);
      for (const row of rows) {
        const p = this.process(row).finally(() => {
          this.inFlight.delete(row.id);
          this.wake();
        });
        this.inFlight.set(row.id, p);
      }
    }
    this.schedule(paused);
  }

  private schedule(pausedUntil: number | null): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    const now = this.deps.clock.now();
    const nextDue = this.deps.outbox.nextDueAt();
    let at = now + this.options.pollIntervalMs;
    if (nextDue !== null) at = Math.min(at, Math.max(nextDue, now));
    if (pausedUntil !== null) at = Math.max(at, pausedUntil);
    if (this.inFlight.size >= this.options.concurrency) at = now + this.options.pollIntervalMs;
    this.timer = setTimeout(() => this.wake(), Math.max(10, at - now));
    this.timer.unref();
  }

  private async process(row: OutboxRow): Promise<void> {
    let result: SendResult;
    try {
      result = await this.deps.send(row);
    } catch (err) {
      // Senders turn errors into results; this is a bug, kept as a retry so nothing is lost.
      result = { type: 'retry', error: `sender failed: ${(err as Error).message}`, outcomeUnknown: true };
    }
    try {
      this.apply(row, result);
    } catch (err) {
      this.unapplied.push({ row, result });
      this.stepFailed(err);
      return;
    }
    try {
      this.deps.onResult?.(row, result);
    } catch (err) {
      this.stepFailed(err);
    }
  }

  private apply(row: OutboxRow, result: SendResult): void {
    const now = this.deps.clock.now();
    const { outbox } = this.deps;
    switch (result.type) {
      case 'done':
        outbox.markDone(row.id, now);
        logger.info(`${row.kind} ${row.ref}: done after ${row.attempts + 1} attempt(s)`);
        return;
      case 'retry': {
        if (this.deps.offline?.()) {
          // One failed canary is enough to know: don't walk the backlog against a dead link.
          this.offlineUntil = now + this.offlineWaits.next();
        }
        let delay = this.retry.delay(row.attempts);
        if (result.outcomeUnknown) delay = Math.max(delay, this.options.unknownOutcomeGraceMs);
        outbox.markRetry(row.id, { nextAttemptAt: now + delay, error: result.error, outcomeUnknown: result.outcomeUnknown, countAttempt: true, now });
        logger.warn(`${row.kind} ${row.ref}: attempt ${row.attempts + 1} failed, retry in ${Math.round(delay / 1000)} s${result.outcomeUnknown ? ' (outcome unknown: will look up first)' : ''}: ${result.error}`);
        return;
      }
      case 'rate_limited': {
        // Stok.ly's Retry-After (read by its client, at most 15 min) is honoured.
        const until = now + (result.retryAfterMs ?? this.options.rateLimitPauseMs);
        this.deps.pauseQueue(until);
        outbox.markRetry(row.id, { nextAttemptAt: until, error: result.error, outcomeUnknown: result.outcomeUnknown, countAttempt: false, now });
        logger.warn(`${row.kind} ${row.ref}: rate limited; queue paused until ${new Date(until).toISOString()}`);
        return;
      }
      case 'permanent':
        outbox.markException(row.id, result.reason, result.error, now);
        logger.error(`${row.kind} ${row.ref}: needs a person (${result.reason}): ${result.error}`);
        return;
      default: {
        const unreachable: never = result;
        throw new Error(`unhandled send result ${JSON.stringify(unreachable)}`);
      }
    }
  }
}
