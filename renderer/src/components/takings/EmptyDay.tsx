import type { KioskItem } from '../../../../shared/kiosks-admin.js';
import { formatTime } from '../../format.js';
import { useKiosks } from '../../data/queries.js';

/** No sale in the kiosks and none in Stok.ly: figures that agree say nothing about whether the store traded. */
export function isEmptyDay(totals: { kiosk: { count: number }; stokly: { count: number } }): boolean {
  return totals.kiosk.count === 0 && totals.stokly.count === 0;
}

export function EmptyDayBadge() {
  return (
    <span className="badge badge-recon-empty">
      <span aria-hidden="true">○ </span>No sales
    </span>
  );
}

function kioskLine(k: KioskItem): string {
  return `${k.name ?? k.id}: last heard from ${k.lastSeenAt ? formatTime(k.lastSeenAt) : 'never'}`;
}

/** Which kiosks could have sold, so whoever reads it can tell a closed day from a silent kiosk. */
export function EmptyDayKiosks() {
  const kiosks = useKiosks();
  const items = kiosks.data ?? null;
  return (
    <div className="empty-day">
      <p>
        No kiosk sent a sale for this day and Stok.ly holds none for it. If the store was closed, there is nothing to do.
        If it was open, a kiosk may not have reached this PC: check that each one below is on and connected to the store
        network, then look again.
      </p>
      {items === null ? (
        <p className="subtle">Loading the kiosks…</p>
      ) : items.length === 0 ? (
        <p>No kiosk is enrolled on this PC, so none was expected to sell (Kiosks tab).</p>
      ) : (
        <ul className="plain-list" aria-label="Kiosks expected to sell">
          {items.map((k) => <li key={k.id}>{kioskLine(k)}</li>)}
        </ul>
      )}
    </div>
  );
}
