import { useId, useState } from 'react';
import type { SyncRunStatus } from '../../../../shared/admin-api.js';
import { useActionsDisabled } from '../../data/agent-state.js';
import { formatTime } from '../../format.js';
import { lastRunFailed } from '../SyncRunLine.js';

/** One pull from Stok.ly: when it last worked, whether the last try failed, and "sync now". */
export function SyncCard({ title, what, button, run, onSync }: {
  title: string;
  what: string;
  button: string;
  run: SyncRunStatus | null;
  onSync(): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  const off = useActionsDisabled();
  const failed = run ? lastRunFailed(run) : false;
  return (
    <section className="card" aria-labelledby={id}>
      <h3 id={id} className="card-label">{title}</h3>
      <p className="card-detail">{what}</p>
      <p>
        Last updated: <strong>{run ? formatTime(run.lastSuccessAt) : '…'}</strong>
        {run && !run.lastSuccessAt && ' (never)'}
      </p>
      {failed && run && (
        <p className="text-bad"><span aria-hidden="true">✕ </span>Last try failed {formatTime(run.lastErrorAt)}: {run.lastError}</p>
      )}
      <button
        type="button"
        disabled={busy || off}
        onClick={() => {
          setBusy(true);
          setMessage(null);
          onSync()
            .then(() => setMessage({ ok: true, text: `Done at ${new Date().toLocaleTimeString()}.` }))
            .catch((err: unknown) => setMessage({ ok: false, text: `Failed: ${err instanceof Error ? err.message : String(err)}` }))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Syncing…' : button}
      </button>
      <p className={`live-message${message && !message.ok ? ' text-bad' : ''}`} role="status">{message?.text ?? ''}</p>
    </section>
  );
}
