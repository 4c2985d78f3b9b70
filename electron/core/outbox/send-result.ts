import type { ExceptionReason } from '../../../shared/exceptions.js';
import { StoklyHttpError, StoklyNetworkError, StoklyResponseError } from '../stokly/errors.js';
import { FilterValueError } from '../stokly/filter.js';
import { ZodError } from 'zod';

/** Every send ends in exactly one of these; the runner handles them in one exhaustive switch. */
export type SendResult =
  | { type: 'done' }
  | { type: 'retry'; error: string; outcomeUnknown: boolean }
  | { type: 'rate_limited'; error: string; retryAfterMs: number | null; outcomeUnknown: boolean }
  | { type: 'permanent'; reason: ExceptionReason; error: string };

/**
 * A thrown error → a result. `writeInFlight` says whether a request that creates something in
 * Stok.ly may have been received: then the outcome is unknown and the next try looks it up.
 */
export function resultFromError(err: unknown, options: { writeInFlight: boolean }): SendResult {
  const { writeInFlight } = options;
  if (err instanceof StoklyHttpError) {
    switch (err.kind) {
      case 'permanent':
        return { type: 'permanent', reason: 'rejected_by_stokly', error: err.message };
      case 'rate_limited':
        return { type: 'rate_limited', error: err.message, retryAfterMs: err.retryAfterMs, outcomeUnknown: false };
      case 'auth':
        // Stok.ly refused the credentials: nothing was created; a person fixes the config, the row waits.
        return { type: 'retry', error: err.message, outcomeUnknown: false };
      case 'transient':
        return { type: 'retry', error: err.message, outcomeUnknown: writeInFlight };
    }
  }
  if (err instanceof StoklyNetworkError) {
    return { type: 'retry', error: err.message, outcomeUnknown: writeInFlight && err.maybeDelivered };
  }
  if (err instanceof StoklyResponseError) {
    return { type: 'retry', error: err.message, outcomeUnknown: writeInFlight };
  }
  // The stored document cannot be mapped (an amount out of range, a row stored by an older
  // version that the contract now refuses): trying again gives the same answer, so a person decides.
  if (err instanceof RangeError || err instanceof ZodError || err instanceof SyntaxError) {
    return { type: 'permanent', reason: 'unpostable', error: err.message };
  }
  if (err instanceof FilterValueError) {
    return { type: 'permanent', reason: 'unknown_sku', error: err.message };
  }
  return { type: 'retry', error: `unexpected: ${(err as Error)?.message ?? String(err)}`, outcomeUnknown: writeInFlight };
}
