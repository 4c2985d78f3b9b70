import { useEffect, useId, useRef, useState } from 'react';

/** "Your name": a modal dialog (focus kept inside, Esc cancels) asked once per session. */
export function NameDialog({ initial, onDone }: { initial: string; onDone(name: string | null): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState(initial);
  const [error, setError] = useState('');
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="name-dialog"
      aria-labelledby={`${inputId}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onDone(null);
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const name = value.trim();
          if (!name) {
            setError('Type your name: it goes into the history of this item.');
            return;
          }
          onDone(name.slice(0, 100));
        }}
      >
        <h2 id={`${inputId}-title`}>Who is doing this?</h2>
        <p>Your name is recorded with every change you make, so the team can see who did what. You are asked once until this window is closed.</p>
        <label htmlFor={inputId} className="field-label">Your name</label>
        <input
          id={inputId}
          autoFocus
          autoComplete="name"
          maxLength={100}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        {error && <p id={errorId} className="field-error">{error}</p>}
        <div className="button-row">
          <button type="submit">Continue</button>
          <button type="button" className="button-secondary" onClick={() => onDone(null)}>Cancel</button>
        </div>
      </form>
    </dialog>
  );
}
