import { useState } from 'react';
import type { KioskItem } from '../../../../shared/kiosks-admin.js';
import { useRevokeKiosk } from '../../data/mutations.js';

/** Revoking asks once more: the kiosk stops being able to send sales at that moment. */
export function RevokeKiosk({ kiosk }: { kiosk: KioskItem }) {
  const revoke = useRevokeKiosk();
  const [confirming, setConfirming] = useState(false);
  const label = kiosk.name ?? kiosk.id;
  if (!confirming) {
    return <button type="button" className="button-danger-outline button-small" onClick={() => setConfirming(true)}>Revoke…</button>;
  }
  return (
    <div role="group" aria-label={`Confirm revoking ${label}`}>
      <p className="cell-line">Revoke {label}? It can no longer send sales (those it already sent are kept).</p>
      <div className="button-row">
        <button type="button" className="button-danger button-small" disabled={revoke.isPending} onClick={() => revoke.mutate(kiosk.id)}>
          {revoke.isPending ? 'Revoking…' : 'Yes, revoke'}
        </button>
        <button type="button" className="button-secondary button-small" onClick={() => setConfirming(false)}>Cancel</button>
      </div>
      {revoke.error && <p className="field-error" role="alert">Not revoked: {revoke.error.message}</p>}
    </div>
  );
}
