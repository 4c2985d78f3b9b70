import type { SyncRunStatus } from '../../../shared/admin-api.js';
import { formatTime } from '../format.js';

/** True when the latest attempt failed (an error newer than the last success). */
export function lastRunFailed(run: SyncRunStatus): boolean {
  if (!run.lastErrorAt) return false;
  return !run.lastSuccessAt || Date.parse(run.lastErrorAt) > Date.parse(run.lastSuccessAt);
}

/** "Stock: updated 26/11/2026, 10:15" or "Stock: FAILED at …", in words, not colour only. */
export function SyncRunLine({ label, run }: { label: string; run: SyncRunStatus }) {
  const failed = lastRunFailed(run);
  return (
    <p className="card-detail">
      <strong>{label}:</strong>{' '}
      {run.lastSuccessAt ? `updated ${formatTime(run.lastSuccessAt)}` : 'not updated yet'}
      {failed && (
        <span className="text-bad">
          {' '}<span aria-hidden="true">✕ </span>Last try failed {formatTime(run.lastErrorAt)}: {run.lastError}
        </span>
      )}
    </p>
  );
}
