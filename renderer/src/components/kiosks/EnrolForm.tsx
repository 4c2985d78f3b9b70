import { useId, useState } from 'react';
import type { EnrolledKiosk } from '../../../../shared/kiosks-admin.js';
import { AdminApiError } from '../../api/transport.js';
import { useEnrolKiosk } from '../../data/mutations.js';

export function EnrolForm({ onEnrolled }: { onEnrolled(kiosk: EnrolledKiosk): void }) {
  const enrol = useEnrolKiosk();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const f = useId();
  const failure = enrol.error instanceof AdminApiError ? enrol.error : enrol.error ? new AdminApiError(0, enrol.error.message) : null;
  return (
    <form
      className="action-card"
      aria-labelledby={`${f}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        enrol.mutate({ id: id.trim(), name: name.trim() }, {
          onSuccess: (kiosk) => {
            setId('');
            setName('');
            onEnrolled(kiosk);
          },
        });
      }}
    >
      <h3 id={`${f}-title`}>Enrol a kiosk</h3>
      <label className="field-label" htmlFor={`${f}-id`}>Kiosk id (as set on the kiosk, e.g. kiosk-03)</label>
      <input id={`${f}-id`} className="mono-input" required maxLength={128} pattern="[A-Za-z0-9._:\/\-]{1,128}" value={id} onChange={(e) => setId(e.target.value)} />
      <label className="field-label" htmlFor={`${f}-name`}>Name staff recognise (e.g. Entrance)</label>
      <input id={`${f}-name`} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      <div className="button-row">
        <button type="submit" disabled={enrol.isPending}>{enrol.isPending ? 'Enrolling…' : 'Enrol kiosk'}</button>
      </div>
      {failure && (
        <div className="action-error" role="alert">
          <p><strong>Not enrolled:</strong> {failure.message}</p>
          {failure.issues.length > 0 && <ul>{failure.issues.map((i) => <li key={i.path}>{i.path}: {i.message}</li>)}</ul>}
        </div>
      )}
    </form>
  );
}
