import type { SalesSearch } from '../../api/sales-api.js';
import { fetchedAt } from '../../data/query-client.js';
import { salesPageSize, useSales } from '../../data/queries.js';
import { useDebounced } from '../../hooks/useDebounced.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { NotLoaded } from '../NotLoaded.js';
import { Pager } from '../Pager.js';
import { salesCountWords } from './sales-count-words.js';
import { SalesSearchForm } from './SalesSearchForm.js';
import { SalesTable } from './SalesTable.js';

const typingPauseMs = 250;

/** Every sale the agent received, found by what staff have in hand: a receipt, a SKU, an amount, a day. */
export function SalesList({ search, setSearch, page, setPage, onOpen }: {
  search: SalesSearch;
  setSearch(next: SalesSearch): void;
  page: number;
  setPage(page: number): void;
  onOpen(saleId: string): void;
}) {
  const settled = useDebounced(search, typingPauseMs);
  const sales = useSales(settled, page);
  const data = sales.data;
  const filtered = Boolean(settled.q.trim() || settled.kiosk || settled.day);

  return (
    <>
      <SalesSearchForm search={search} onChange={(next) => { setSearch(next); setPage(0); }} />
      {sales.error && <ErrorBanner message={sales.error.message} lastUpdated={fetchedAt(sales)} />}
      <p className="live-message" role="status">
        {data === undefined ? '' : salesCountWords({ total: data.total, totalCapped: data.totalCapped, shown: data.items.length }, page, salesPageSize, filtered)}
      </p>
      {data === undefined ? <NotLoaded error={sales.error} /> : data.items.length > 0 && <SalesTable items={data.items} onOpen={onOpen} />}
      {data && <Pager label="Pages of sales" page={page} more={data.more} onPage={setPage} previous="◀ Newer" next="Older ▶" />}
    </>
  );
}
