import { useApi } from '../../data/ApiProvider.js';
import { fetchedAt } from '../../data/query-client.js';
import { useAlerts, useStatus } from '../../data/queries.js';
import { DownloadButton } from '../DownloadButton.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { AlertHistory } from './AlertHistory.js';

/** "2026-12-02" in this PC's calendar, for the file name. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Managers and IT: every alert this PC raised, and a file to send to support instead of a remote session. */
export function AlertsView() {
  const api = useApi();
  const alerts = useAlerts();
  const storeId = useStatus().data?.storeId ?? 'store';
  return (
    <>
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alerts</h2>
        <p className="intro">
          The agent raises an alert when sales stop reaching Stok.ly, Stok.ly cannot be reached, stock goes stale or sales
          wait for a person. Each one clears by itself when the cause is gone.
          {alerts.data?.webhookConfigured
            ? ' Head office is told when an alert is raised and when it clears.'
            : ' This store does not send alerts to head office (IT can set up a webhook).'}
        </p>
        {alerts.error && <ErrorBanner message={alerts.error.message} lastUpdated={fetchedAt(alerts)} />}
        <AlertHistory list={alerts.data ?? null} />
      </section>
      <section aria-labelledby="support-heading">
        <h2 id="support-heading">Support file</h2>
        <p className="intro">
          When IT or the supplier asks for it, save this file and e-mail it to them. It holds the recent log, the settings
          without any password or token, database figures and open alerts and exceptions — no customer names or addresses.
        </p>
        <DownloadButton fileName={`shelfbridge-support-${storeId}-${today()}.zip`} label="Save support file" load={() => api.supportBundle()} />
      </section>
    </>
  );
}
