import { useId, type ReactNode } from 'react';
import type { ActionFailure } from '../../hooks/useExceptionAction.js';
import { useActionsDisabled } from '../../data/agent-state.js';
import { ActionError } from './ActionError.js';

/** The frame every exception action shares: a labelled form, its submit, and the agent's refusal. */
export function ActionCard({ title, danger = false, failure, onSubmit, children }: {
  title: string;
  danger?: boolean;
  failure: ActionFailure | null;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const heading = useId();
  const off = useActionsDisabled();
  return (
    <form
      className={danger ? 'action-card action-danger' : 'action-card'}
      aria-labelledby={heading}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h4 id={heading}>{title}</h4>
      {/* Every control is off while the agent does not answer. */}
      <fieldset className="action-fields" disabled={off}>{children}</fieldset>
      <ActionError failure={failure} />
    </form>
  );
}
