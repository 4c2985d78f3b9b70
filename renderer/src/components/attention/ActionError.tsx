import type { ActionFailure } from '../../hooks/useExceptionAction.js';

/** The agent's own reason for refusing, and which fields it did not accept. */
export function ActionError({ failure }: { failure: ActionFailure | null }) {
  if (!failure) return null;
  return (
    <div className="action-error" role="alert">
      <p><strong>Not done:</strong> {failure.message}</p>
      {failure.issues.length > 0 && (
        <ul>
          {failure.issues.map((i, n) => <li key={`${i.path}-${n}`}>{i.path ? `${i.path}: ` : ''}{i.message}</li>)}
        </ul>
      )}
    </div>
  );
}
