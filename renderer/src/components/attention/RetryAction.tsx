import { useExceptionAction } from '../../hooks/useExceptionAction.js';
import { ActionError } from './ActionError.js';
import type { OnActionDone } from './ExceptionActions.js';

/** A refund beyond its sale is not retried but approved: same request, which the agent audits as approve_refund. */
const wording = (noun: string, approve: boolean) => approve
  ? {
      heading: 'Approve refund',
      hint: 'Checked with the staff member who gave it? Approve it and the credit note goes to Stok.ly as the kiosk recorded it.',
      button: 'Approve refund',
      busy: 'Approving…',
      done: 'Refund approved: the agent is sending the credit note.',
    }
  : {
      heading: 'Retry',
      hint: `Once the cause is fixed in Stok.ly or the configuration, send the ${noun} again.`,
      button: 'Retry now',
      busy: 'Retrying…',
      done: `Retry requested: the agent is sending the ${noun} again.`,
    };

export function RetryAction({ id, onDone, noun, approve = false }: { id: number; onDone: OnActionDone; noun: string; approve?: boolean }) {
  const action = useExceptionAction(id, onDone);
  const words = wording(noun, approve);
  return (
    <section className="action-card" aria-labelledby={`retry-${id}`}>
      <h4 id={`retry-${id}`}>{words.heading}</h4>
      <p className="hint">{words.hint}</p>
      <button type="button" disabled={action.busy} onClick={() => void action.run((actor) => ({ action: 'retry', actor }), words.done)}>
        {action.busy ? words.busy : words.button}
      </button>
      <ActionError failure={action.failure} />
    </section>
  );
}
