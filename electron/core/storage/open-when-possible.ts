import { sleep } from '../clock.js';
import { scopedLogger } from '../logging/logger.js';
import { describeStorageError, isTransientStorageError } from './storage-health.js';

const logger = scopedLogger('storage');

/**
 * Runs `open` until it works while the disk is full or the database locked: the agent waits at
 * start instead of exiting (a restart loop of the shell would help nobody). Any other error,
 * such as a damaged database, is thrown at once.
 */
export async function openWhenPossible<T>(open: () => T, options: { retryMs?: number; signal?: AbortSignal } = {}): Promise<T> {
  let logged: string | null = null;
  for (;;) {
    try {
      const result = open();
      if (logged) logger.info('the database opened: starting');
      return result;
    } catch (err) {
      if (!isTransientStorageError(err)) throw err;
      const reason = describeStorageError(err);
      if (logged !== reason) logger.error(`cannot open the database: ${reason}; retrying every ${Math.round((options.retryMs ?? 5_000) / 1000)} s`);
      logged = reason;
      await sleep(options.retryMs ?? 5_000, options.signal);
    }
  }
}
