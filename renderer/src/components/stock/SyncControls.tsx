import type { Status } from '../../../../shared/admin-api.js';
import { useSyncNow } from '../../data/mutations.js';
import { SyncCard } from './SyncCard.js';

export function SyncControls({ status }: { status: Status | null }) {
  const sync = useSyncNow();
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">Stock and catalogue from Stok.ly</h2>
      <div className="cards">
        <SyncCard
          title="Stock levels"
          what="What the kiosks show as available to sell."
          button="Sync stock now"
          run={status?.sync.stock ?? null}
          onSync={() => sync.mutateAsync('stock')}
        />
        <SyncCard
          title="Catalogue"
          what="Products, prices and SKUs."
          button="Sync catalogue now"
          run={status?.sync.catalog ?? null}
          onSync={() => sync.mutateAsync('catalog')}
        />
      </div>
    </section>
  );
}
