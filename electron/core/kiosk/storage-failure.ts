import { DomainError } from '../domain-errors.js';
import type { Logger } from '../logging/logger.js';

/**
 * The sale could not be committed (disk full, database locked, I/O error): the kiosk keeps it
 * and retries, so the answer is 503 with Retry-After, never a refusal.
 */
export function storageFailure(err: unknown, what: string, logger: Logger): DomainError {
  const code = (err as { code?: string }).code ?? 'unknown';
  logger.error(`could not store ${what}: ${code} ${(err as Error).message}`);
  return new DomainError('unavailable', 'unavailable', `The agent cannot store this now (${code}); keep it and retry.`, { retryAfterSeconds: 10 });
}
