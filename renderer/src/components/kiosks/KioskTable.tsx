import type { KioskItem } from '../../../../shared/kiosks-admin.js';
import { formatTime } from '../../format.js';
import { RevokeKiosk } from './RevokeKiosk.js';

export function KioskTable({ items }: { items: KioskItem[] | null }) {
  if (items === null) return <p>Loading kiosks…</p>;
  if (items.length === 0) return <p>No kiosks yet: enrol the first one above.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Kiosks allowed to send sales</caption>
        <thead>
          <tr>
            <th scope="col">Kiosk</th>
            <th scope="col">Enrolled</th>
            <th scope="col">Last seen</th>
            <th scope="col">Sales today</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((k) => (
            <tr key={k.id}>
              <th scope="row">
                <p className="cell-line">{k.name ?? k.id}</p>
                <p className="cell-note mono">{k.id}</p>
              </th>
              <td>{k.source === 'config' ? 'In the configuration file' : formatTime(k.enrolledAt)}</td>
              <td>{k.lastSeenAt ? formatTime(k.lastSeenAt) : 'Not yet'}</td>
              <td>{k.salesToday}</td>
              <td>{k.source === 'enrolled' ? <RevokeKiosk kiosk={k} /> : <span className="cell-note">IT changes it in the file</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
