import { z } from 'zod';

export interface Faults {
  /** 0..1: answer 503 before doing anything. */
  errorRate: number;
  /** Wait this long before handling (before any state change). */
  latencyMs: number;
  /** While true every API request's socket is destroyed with no answer. */
  outage: boolean;
  /** 0..1: for POST/PATCH that change state, apply the change then destroy the socket. */
  dropAfterCommitRate: number;
}

export const NO_FAULTS: Readonly<Faults> = Object.freeze({ errorRate: 0, latencyMs: 0, outage: false, dropAfterCommitRate: 0 });

const rate = z.number().min(0).max(1);
export const faultsPatchSchema = z.strictObject({
  errorRate: rate.optional(),
  latencyMs: z.int().min(0).max(600_000).optional(),
  outage: z.boolean().optional(),
  dropAfterCommitRate: rate.optional(),
});

export const INJECTED_ERROR_MESSAGE = 'Service unavailable (injected)';

/** Current faults plus the dice they are rolled with (injectable so tests can be exact). */
export class FaultSwitchboard {
  private current: Faults = { ...NO_FAULTS };

  constructor(private readonly random: () => number) {}

  get(): Faults {
    return { ...this.current };
  }

  /** Throws a ZodError on values out of range. */
  set(patch: Partial<Faults>): Faults {
    const parsed = faultsPatchSchema.parse(patch);
    const next = { ...this.current };
    if (parsed.errorRate !== undefined) next.errorRate = parsed.errorRate;
    if (parsed.latencyMs !== undefined) next.latencyMs = parsed.latencyMs;
    if (parsed.outage !== undefined) next.outage = parsed.outage;
    if (parsed.dropAfterCommitRate !== undefined) next.dropAfterCommitRate = parsed.dropAfterCommitRate;
    this.current = next;
    return this.get();
  }

  /** A rate of 1 always fires and 0 never does, whatever the dice. */
  rollError(): boolean {
    return roll(this.current.errorRate, this.random);
  }

  rollDropAfterCommit(): boolean {
    return roll(this.current.dropAfterCommitRate, this.random);
  }
}

function roll(rate: number, random: () => number): boolean {
  if (rate <= 0) return false;
  if (rate >= 1) return true;
  return random() < rate;
}
