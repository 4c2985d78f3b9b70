import { useState } from 'react';
import { useActionsDisabled } from '../../data/agent-state.js';

/**
 * The CSV needs the bearer token, so a plain link cannot fetch it: fetch it here and save the
 * answer as a file.
 */
export function CsvDownloadButton({ fileName, load }: { fileName: string; load(): Promise<Blob> }) {
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
        <span aria-hidden="true">⤓ </span>{busy ? 'Downloading…' : 'Download CSV'}
      </button>
      {error && <p className="text-bad" role="alert">{error}</p>}
    </div>
  );
}
