import { useId, useState } from 'react';
import type { FlagItem } from '../../../../shared/flags-api.js';
import { AdminApiError } from '../../api/transport.js';
import { useActionsDisabled } from '../../data/agent-state.js';
import { useAcknowledgeFlag } from '../../data/mutations.js';
import { formatTime } from '../../format.js';
import { useActor } from '../../hooks/useActor.js';
import { returnFocusLater } from '../../hooks/return-focus.js';
import { useReturnFocus } from '../../hooks/useReturnFocus.js';
import { ActionError } from '../attention/ActionError.js';
import type { ActionFailure } from '../../hooks/useExceptionAction.js';

/** "Acknowledge…" on a flag: your name (asked once a session) and what you found; or who already did. */
export function AcknowledgeFlag({ item }: { item: FlagItem }) {
  const [open, setOpen] = useState(false);
  const opener = useReturnFocus(open);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const { ask } = useActor();
  const acknowledge = useAcknowledgeFlag();
  const off = useActionsDisabled();
  const f = useId();

  if (item.acknowledged) {
    return (
      <p className="cell-line">
        <span aria-hidden="true">✓ </span>Acknowledged by {item.acknowledged.by}, {formatTime(item.acknowledged.at)}
        {item.acknowledged.note && <span className="cell-note">: {item.acknowledged.note}</span>}
      </p>
    );
  }
  if (!open) {
    return <button ref={opener} type="button" className="button-secondary button-small" disabled={off} onClick={() => setOpen(true)} aria-label={`Acknowledge ${item.sku ?? ''} on sale ${item.saleId}`.replace('  ', ' ')}>Acknowledge…</button>;
  }
  const submit = async (): Promise<void> => {
    const from = document.activeElement;
    try {
      const actor = await ask();
      if (!actor) {
        setFailure({ message: 'Nothing was done: your name is needed for the history.', issues: [] });
        return;
      }
      await acknowledge.mutateAsync({ id: item.id, actor, note });
      setOpen(false);
    } catch (err) {
      setFailure(err instanceof AdminApiError ? { message: err.message, issues: err.issues } : { message: String(err), issues: [] });
    } finally {
      returnFocusLater(from);
    }
  };
  return (
    <form aria-label={`Acknowledge flag on sale ${item.saleId}`} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label className="field-label" htmlFor={`${f}-note`}>What you found <span className="subtle">(optional)</span></label>
      <textarea id={`${f}-note`} autoFocus rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="button-row">
        <button type="submit" className="button-small" disabled={acknowledge.isPending || off}>{acknowledge.isPending ? 'Saving…' : 'Acknowledge'}</button>
        <button type="button" className="button-secondary button-small" onClick={() => setOpen(false)}>Cancel</button>
      </div>
      <ActionError failure={failure} />
    </form>
  );
}
