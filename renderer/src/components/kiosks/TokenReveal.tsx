import QRCode from 'qrcode';
import { useEffect, useId, useState } from 'react';
import type { EnrolledKiosk } from '../../../../shared/kiosks-admin.js';

/**
 * The new kiosk's token, shown this once: the agent keeps only its hash, so closing this
 * panel loses it (revoke and enrol again if it was not entered).
 */
export function TokenReveal({ kiosk, onDone }: { kiosk: EnrolledKiosk; onDone(): void }) {
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const f = useId();
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(kiosk.token, { errorCorrectionLevel: 'M', margin: 2, width: 240 }).then((url) => {
      if (live) setQr(url);
    });
    return () => {
      live = false;
    };
  }, [kiosk.token]);
  return (
    <section className="action-card" aria-labelledby={`${f}-title`}>
      <h3 id={`${f}-title`}>Kiosk {kiosk.id} ({kiosk.name}) is enrolled</h3>
      <p><strong>Enter this token on the kiosk now.</strong> It is shown only this once; the agent keeps only a fingerprint of it.</p>
      <label className="field-label" htmlFor={`${f}-token`}>Token</label>
      <input id={`${f}-token`} className="mono-input" readOnly value={kiosk.token} size={50} onFocus={(e) => e.currentTarget.select()} />
      <div className="button-row">
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            navigator.clipboard.writeText(kiosk.token).then(() => setCopied('yes'), () => setCopied('failed'));
          }}
        >
          Copy token
        </button>
        <span className="live-message" role="status">
          {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Could not copy: select the token and copy it by hand.' : ''}
        </span>
      </div>
      {qr && <img src={qr} width={240} height={240} alt={`QR code of the token for kiosk ${kiosk.id}`} />}
      <div className="button-row">
        <button type="button" onClick={onDone}>Done: the token is on the kiosk</button>
      </div>
    </section>
  );
}
