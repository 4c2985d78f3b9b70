import { useState } from 'react';
import type { EnrolledKiosk } from '../../../../shared/kiosks-admin.js';
import { fetchedAt } from '../../data/query-client.js';
import { useKiosks } from '../../data/queries.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { EnrolForm } from './EnrolForm.js';
import { KioskTable } from './KioskTable.js';
import { TokenReveal } from './TokenReveal.js';

/** IT and managers: which kiosks may send sales, enrol a new one, revoke one — no restart. */
export function KiosksView() {
  const kiosks = useKiosks();
  // The new token lives only in this component's memory until it is dismissed.
  const [enrolled, setEnrolled] = useState<EnrolledKiosk | null>(null);
  return (
    <section aria-labelledby="kiosks-heading">
      <h2 id="kiosks-heading">Kiosks</h2>
      <p className="intro">
        Each kiosk sends sales with its own token. Enrol a kiosk here, enter its token on the kiosk (type it or scan the
        code), and it can send at once. Revoke a kiosk that is lost or replaced: it is refused from that moment.
      </p>
      {kiosks.error && <ErrorBanner message={kiosks.error.message} lastUpdated={fetchedAt(kiosks)} />}
      {enrolled ? <TokenReveal kiosk={enrolled} onDone={() => setEnrolled(null)} /> : <EnrolForm onEnrolled={setEnrolled} />}
      <KioskTable items={kiosks.data ?? null} />
    </section>
  );
}
