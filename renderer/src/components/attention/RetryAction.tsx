import { useExceptionAction } from '../../hooks/useExceptionAction.js';
import { ActionError } from './ActionError.js';
import type { OnActionDone } from './ExceptionActions.js';

export function RetryAction({ id, onDone, noun }: { id: number; onDone: OnActionDone; noun: string }) {
  const action = useExceptionAction(id, onDone);
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
