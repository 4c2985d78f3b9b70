import { useCallback, useState } from 'react';
import type { Status } from '../../../../shared/admin-api.js';
import type { AdminClient } from '../../api/admin-client.js';
import { usePolling } from '../../hooks/usePolling.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { FlagFilter } from './FlagFilter.js';
import { FlagTable } from './FlagTable.js';
import { SyncControls } from './SyncControls.js';

const pollMs = 15_000;

/** Retail ops: stock and catalogue freshness, and the sales that disagreed with Stok.ly. */
export function StockView({ client, status, onSynced }: { client: AdminClient; status: Status | null; onSynced(): void }) {
  const [flag, setFlag] = useState<string | null>(null);
  const flags = usePolling(useCallback(() => client.flags(flag), [client, flag]), pollMs, flag ?? '');
  const { refresh } = flags;
  const synced = useCallback(() => {
    onSynced();
    refresh();
  }, [onSynced, refresh]);

  return (
    <>
      <SyncControls client={client} status={status} onSynced={synced} />
      <section aria-labelledby="flags-heading">
        <h2 id="flags-heading">Stock flags</h2>
        <p className="intro">Sales the kiosks made that did not match Stok.ly. They were all accepted; these are for checking stock and prices.</p>
        <FlagFilter counts={status?.flags ?? {}} selected={flag} onSelect={setFlag} />
        {flags.error && <ErrorBanner message={flags.error.message} lastUpdated={flags.updatedAt} />}
        {flags.data === null ? <p role="status">Loading…</p> : <FlagTable items={flags.data} filtered={flag !== null} />}
      </section>
    </>
  );
}
