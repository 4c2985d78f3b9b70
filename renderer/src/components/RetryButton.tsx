import { useState } from 'react';

/** Disabled while the request is out, so a double click sends one retry. */
export function RetryButton({ label, onRetry }: { label: string; onRetry(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      aria-label={label}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void onRetry().finally(() => setBusy(false));
      }}
    >
      {busy ? 'Retrying…' : 'Retry'}
    </button>
  );
}
