import { useState } from 'react';
import { useActionsDisabled } from '../data/agent-state.js';

/**
 * A file behind the admin token (a plain link cannot send it): fetched here and saved under
 * `fileName` through the browser's (or Electron's) download.
 */
export function DownloadButton({ fileName, label, load }: { fileName: string; label: string; load(): Promise<Blob> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const off = useActionsDisabled();
  return (
    <div className="csv-download">
      <button
        type="button"
        className="button-secondary"
        disabled={busy || off}
        onClick={() => {
          setBusy(true);
          setError('');
          load()
            .then((blob) => {
              const url = URL.createObjectURL(blob);
              const a = document.createElement('a');
              a.href = url;
              a.download = fileName;
              document.body.append(a);
              a.click();
              a.remove();
              setTimeout(() => URL.revokeObjectURL(url), 60_000);
            })
            .catch((err: unknown) => setError(`Download failed: ${err instanceof Error ? err.message : String(err)}`))
            .finally(() => setBusy(false));
        }}
      >
        <span aria-hidden="true">⤓ </span>{busy ? 'Downloading…' : label}
      </button>
      {error && <p className="text-bad" role="alert">{error}</p>}
    </div>
  );
}
