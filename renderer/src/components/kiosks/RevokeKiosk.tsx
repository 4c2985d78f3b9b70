import { useState } from 'react';
import type { KioskItem } from '../../../../shared/kiosks-admin.js';
import { useRevokeKiosk } from '../../data/mutations.js';
import { useReturnFocus } from '../../hooks/useReturnFocus.js';

/** Revoking asks once more: the kiosk stops being able to send sales at that moment. */
export function RevokeKiosk({ kiosk }: { kiosk: KioskItem }) {
  const revoke = useRevokeKiosk();
  const [confirming, setConfirming] = useState(false);
  const opener = useReturnFocus(confirming);
  const label = kiosk.name ?? kiosk.id;
  if (!confirming) {
    return <button ref={opener} type="button" className="button-danger-outline button-small" onClick={() => setConfirming(true)}>Revoke…</button>;
  }
  return (
    <div role="group" aria-label={`Confirm revoking ${label}`}>
      <p className="cell-line">Revoke {label}? It can no longer send sales (those it already sent are kept).</p>
      <div className="button-row">
        <button type="button" className="button-danger button-small" disabled={revoke.isPending} onClick={() => revoke.mutate(kiosk.id)}>
          {revoke.isPending ? 'Revoking…' : 'Yes, revoke'}
        </button>
        {/* The focus moves to the question's safe answer, so Enter by habit does not revoke. */}
        <button type="button" className="button-secondary button-small" autoFocus onClick={() => setConfirming(false)}>Cancel</button>
      </div>
      {revoke.error && <p className="field-error" role="alert">Not revoked: {revoke.error.message}</p>}
    </div>
  );
}
