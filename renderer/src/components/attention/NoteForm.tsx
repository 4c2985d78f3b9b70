import { useId, useState } from 'react';
import { useExceptionAction } from '../../hooks/useExceptionAction.js';
import { ActionCard } from './ActionCard.js';
import type { OnActionDone } from './ExceptionActions.js';

export function NoteForm({ id, onDone }: { id: number; onDone: OnActionDone }) {
  const action = useExceptionAction(id, onDone);
  const [text, setText] = useState('');
  const f = useId();
  return (
    <ActionCard
      title="Add a note"
      failure={action.failure}
      onSubmit={() => {
        const note = text.trim();
        void action.run((actor) => ({ action: 'note', actor, text: note }), 'Note added.').then((ok) => {
          if (ok) setText('');
        });
      }}
    >
      <label className="field-label" htmlFor={`${f}-text`}>Note for the team</label>
      <textarea id={`${f}-text`} required maxLength={2000} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="button-secondary" disabled={action.busy}>{action.busy ? 'Saving…' : 'Add note'}</button>
    </ActionCard>
  );
}
