import type { AdminClient } from '../../api/admin-client.js';
import { useExceptionAction } from '../../hooks/useExceptionAction.js';
import { ActionError } from './ActionError.js';
import type { OnActionDone } from './ExceptionActions.js';

export function RetryAction({ client, id, onDone, noun }: { client: AdminClient; id: number; onDone: OnActionDone; noun: string }) {
  const action = useExceptionAction(client, id, onDone);
  return (
    <section className="action-card" aria-labelledby={`retry-${id}`}>
      <h4 id={`retry-${id}`}>Retry</h4>
      <p className="hint">Once the cause is fixed in Stok.ly or the configuration, send the {noun} again.</p>
      <button
        type="button"
        disabled={action.busy}
        onClick={() => void action.run((actor) => ({ action: 'retry', actor }), `Retry requested: the agent is sending the ${noun} again.`)}
      >
        {action.busy ? 'Retrying…' : 'Retry now'}
      </button>
      <ActionError failure={action.failure} />
    </section>
  );
}
