import type { SalesSearch } from '../../api/sales-api.js';
import { fetchedAt } from '../../data/query-client.js';
import { salesPageSize, useSales } from '../../data/queries.js';
import { useDebounced } from '../../hooks/useDebounced.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { NotLoaded } from '../NotLoaded.js';
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
  const first = page * salesPageSize + 1;
  const filtered = Boolean(settled.q.trim() || settled.kiosk || settled.day);

  return (
    <>
      <SalesSearchForm search={search} onChange={(next) => { setSearch(next); setPage(0); }} />
      {sales.error && <ErrorBanner message={sales.error.message} lastUpdated={fetchedAt(sales)} />}
      <p className="live-message" role="status">
        {data === undefined ? '' : data.total === 0
          ? (filtered ? 'No sale matches this search.' : 'No sales received yet.')
          : `Sales ${first}–${first + data.items.length - 1} of ${data.total.toLocaleString('en-GB')}, newest first.`}
      </p>
      {data === undefined ? <NotLoaded error={sales.error} /> : data.items.length > 0 && <SalesTable items={data.items} onOpen={onOpen} />}
      {data && (page > 0 || data.more) && (
        <nav className="button-row pager" aria-label="Pages of sales">
          <button type="button" className="button-secondary" disabled={page === 0} onClick={() => setPage(Math.max(0, page - 1))}>◀ Newer</button>
          <button type="button" className="button-secondary" disabled={!data.more} onClick={() => setPage(page + 1)}>Older ▶</button>
        </nav>
      )}
    </>
  );
}
