import type { AlertItem, AlertList } from '../../../../shared/alerts-api.js';
import { formatTime } from '../../format.js';

/** What became of the webhook messages, in words (head office sees only what was delivered). */
function headOffice(alert: AlertItem, webhookConfigured: boolean): string {
  if (!webhookConfigured) return 'Not sent: no webhook set up';
  const { opened, resolved, lastError } = alert.webhook;
  const failing = lastError ? ` (last try: ${lastError})` : '';
  if (opened === 'waiting') return `Waiting to send${failing}`;
  if (alert.resolvedAt === null) return opened === 'delivered' ? 'Told when it opened' : 'Not sent';
  if (resolved === 'waiting') return `Told when it opened; resolution waiting to send${failing}`;
  return resolved === 'delivered' ? 'Told when it opened and when it cleared' : 'Told when it opened';
}

export function AlertHistory({ list }: { list: AlertList | null }) {
  if (list === null) return <p>Loading alerts…</p>;
  if (list.alerts.length === 0) return <p>No alert has been raised on this PC. When one is, it shows here, open or cleared.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Alerts raised by the agent, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Alert</th>
            <th scope="col">Raised</th>
            <th scope="col">Cleared</th>
            <th scope="col">Head office</th>
          </tr>
        </thead>
        <tbody>
          {list.alerts.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <p className="cell-line">{a.title}</p>
                <p className="cell-note">{a.body}</p>
              </th>
              <td>{formatTime(a.openedAt)}</td>
              <td>{a.resolvedAt ? formatTime(a.resolvedAt) : <strong className="text-bad">Still open</strong>}</td>
              <td>{headOffice(a, list.webhookConfigured)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
