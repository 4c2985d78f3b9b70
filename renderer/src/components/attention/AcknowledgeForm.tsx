import { useId, useState } from 'react';
import { useExceptionAction } from '../../hooks/useExceptionAction.js';
import { ActionCard } from './ActionCard.js';
import type { OnActionDone } from './ExceptionActions.js';

/**
 * Review items only: the review holds nothing back; a person confirms they have looked. Whether
 * the sale is in Stok.ly is said by "Where it stands", never assumed here.
 */
export function AcknowledgeForm({ id, onDone }: { id: number; onDone: OnActionDone }) {
  const action = useExceptionAction(id, onDone);
  const [note, setNote] = useState('');
  const f = useId();
  return (
    <ActionCard
      title="Acknowledge"
      failure={action.failure}
      onSubmit={() => {
        const text = note.trim();
        void action.run((actor) => ({ action: 'acknowledge', actor, ...(text ? { note: text } : {}) }), 'Acknowledged: the item is closed.');
      }}
    >
      <p className="hint">This review does not hold the sale back. Acknowledge once you have checked it; this closes the item (not the sale).</p>
      <label className="field-label" htmlFor={`${f}-note`}>What you found <span className="subtle">(optional)</span></label>
      <textarea id={`${f}-note`} maxLength={2000} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" disabled={action.busy}>{action.busy ? 'Saving…' : 'Acknowledge'}</button>
    </ActionCard>
  );
}
