import { useState } from 'react';
import { useActionsDisabled } from '../data/agent-state.js';

/** Disabled while the request is out, so a double click sends one retry. */
export function RetryButton({ label, onRetry }: { label: string; onRetry(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const off = useActionsDisabled();
  return (
    <button
      type="button"
      aria-label={label}
      disabled={busy || off}
      onClick={() => {
        setBusy(true);
        void onRetry().finally(() => setBusy(false));
      }}
    >
      {busy ? 'Retrying…' : 'Retry'}
    </button>
  );
}
