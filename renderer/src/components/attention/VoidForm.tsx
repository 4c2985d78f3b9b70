import { useEffect, useId, useRef, useState } from 'react';
import { useExceptionAction } from '../../hooks/useExceptionAction.js';
import { useReturnFocus } from '../../hooks/useReturnFocus.js';
import { ActionCard } from './ActionCard.js';
import type { OnActionDone } from './ExceptionActions.js';

/** Void with a reason a person can read later, after an explicit confirmation. */
export function VoidForm({ id, onDone, noun, reference }: {
  id: number;
  onDone: OnActionDone;
  noun: string;
  reference: string;
}) {
  const action = useExceptionAction(id, onDone);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const voidButton = useReturnFocus(confirming);
  const f = useId();

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  return (
    <ActionCard
      title="Void" danger
      failure={action.failure}
      onSubmit={() => {
        setConfirming(true);
      }}
    >
      <p className="hint">Only if this {noun} should never reach Stok.ly (keyed in error, handled elsewhere).</p>
      <label className="field-label" htmlFor={`${f}-reason`}>Reason (required)</label>
      <textarea
        id={`${f}-reason`}
        required
        minLength={3}
        maxLength={500}
        rows={2}
        value={reason}
        disabled={confirming}
        onChange={(e) => setReason(e.target.value)}
      />
      {!confirming ? (
        <button ref={voidButton} type="submit" className="button-danger-outline">Void…</button>
      ) : (
        <div className="confirm" role="group" aria-labelledby={`${f}-q`}>
          <p id={`${f}-q`}>
            <strong>Void {noun} <span className="mono">{reference}</span>?</strong> It will never be sent to Stok.ly. This cannot be undone.
          </p>
          <div className="button-row">
            <button
              ref={confirmButton}
              type="button"
              className="button-danger"
              disabled={action.busy}
              onClick={() => {
                const why = reason.trim();
                void action.run((actor) => ({ action: 'void', actor, reason: why }), `The ${noun} is voided: ${why}`).then(() => setConfirming(false));
              }}
            >
              {action.busy ? 'Voiding…' : `Yes, void the ${noun}`}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        </div>
      )}
    </ActionCard>
  );
}
