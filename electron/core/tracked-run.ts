import type { Clock } from './clock.js';
import type { SyncKind, SyncRun, SyncRunsRepo } from './db/sync-runs-repo.js';

/** What a finished run records besides its time: where the next incremental run resumes, and whether it was full. */
export interface RunRecord<T> {
  result: T;
  watermark?: string | null;
  full?: boolean;
}

export interface TrackedRunDeps {
  runs: SyncRunsRepo;
  clock: Clock;
}

/**
 * One sync job's bookkeeping in sync_runs, for every scheduled pull and push: started, then
 * succeeded (with its watermark) or failed (with why, and the error rethrown for the scheduler
 * to log). `previous` is the record as it was before this run started.
 */
export async function trackedRun<T>(
  deps: TrackedRunDeps,
  kind: SyncKind,
  work: (run: { startedAt: number; previous: SyncRun }) => Promise<RunRecord<T>>,
): Promise<T> {
  const { runs, clock } = deps;
  const startedAt = clock.now();
  const previous = runs.get(kind);
  runs.started(kind, startedAt);
  try {
    const { result, watermark, full } = await work({ startedAt, previous });
    runs.succeeded(kind, startedAt, clock.now(), { ...(watermark === undefined ? {} : { watermark }), ...(full === undefined ? {} : { full }) });
    return result;
  } catch (err) {
    runs.failed(kind, err instanceof Error ? err.message : String(err), clock.now());
    throw err;
  }
}
