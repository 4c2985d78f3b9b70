import { useState } from 'react';
import { fetchedAt } from '../../data/query-client.js';
import { useFlags, useStatus } from '../../data/queries.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { NotLoaded } from '../NotLoaded.js';
import { FlagFilter } from './FlagFilter.js';
import { FlagTable } from './FlagTable.js';
import { SyncControls } from './SyncControls.js';

/** Retail ops: stock and catalogue freshness, and the sales that disagreed with Stok.ly. */
export function StockView() {
  const [flag, setFlag] = useState<string | null>(null);
  const status = useStatus();
  const flags = useFlags(flag);

  return (
    <>
      <SyncControls status={status.data ?? null} />
      <section aria-labelledby="flags-heading">
        <h2 id="flags-heading">Stock flags</h2>
        <p className="intro">Sales the kiosks made that did not match Stok.ly. They were all accepted; these are for checking stock and prices.</p>
        <FlagFilter counts={status.data?.flags ?? {}} selected={flag} onSelect={setFlag} />
        {flags.error && <ErrorBanner message={flags.error.message} lastUpdated={fetchedAt(flags)} />}
        {flags.data === undefined ? <NotLoaded error={flags.error} /> : <FlagTable items={flags.data} filtered={flag !== null} />}
      </section>
    </>
  );
}
