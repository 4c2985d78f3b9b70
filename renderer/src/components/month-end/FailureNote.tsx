import type { Failure } from './data.js';

/** The agent's own reason for refusing. */
export function FailureNote({ failure }: { failure: Failure | null }) {
  if (!failure) return null;
  return (
    <div className="action-error" role="alert">
      <p><strong>Not done:</strong> {failure.message}</p>
      {failure.issues.length > 0 && <ul>{failure.issues.map((i, n) => <li key={`${i.path}-${n}`}>{i.path ? `${i.path}: ` : ''}{i.message}</li>)}</ul>}
    </div>
  );
}
