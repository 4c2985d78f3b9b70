import type { Status } from '../../../../shared/admin-api.js';
import type { AdminClient } from '../../api/admin-client.js';
import { SyncCard } from './SyncCard.js';

export function SyncControls({ client, status, onSynced }: { client: AdminClient; status: Status | null; onSynced(): void }) {
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">Stock and catalogue from Stok.ly</h2>
      <div className="cards">
        <SyncCard
          title="Stock levels"
          what="What the kiosks show as available to sell."
          button="Sync stock now"
          run={status?.sync.stock ?? null}
          onSync={async () => {
            await client.syncNow('stock');
            onSynced();
          }}
        />
        <SyncCard
          title="Catalogue"
          what="Products, prices and SKUs."
          button="Sync catalogue now"
          run={status?.sync.catalog ?? null}
          onSync={async () => {
            await client.syncNow('catalog');
            onSynced();
          }}
        />
      </div>
    </section>
  );
}
