import { useState } from 'react';
import type { SalesSearch } from '../../api/sales-api.js';
import { SaleDetailView } from './SaleDetailView.js';
import { SalesList } from './SalesList.js';

/** The Sales tab: find any sale, then read its whole story. */
export function SalesView({ saleId, onOpen }: { saleId: string | null; onOpen(saleId: string | null): void }) {
  // Kept here so "Back to the list" returns to the same search and page.
  const [search, setSearch] = useState<SalesSearch>({ q: '', kiosk: null, day: null });
  const [page, setPage] = useState(0);
  return (
    <section aria-labelledby="sales-heading">
      <h2 id="sales-heading">Sales</h2>
      {saleId === null ? (
        <>
          <p className="intro">Every sale the kiosks sent. Search by sale number, SKU, Stok.ly order number or amount; pick a kiosk or a day; open a sale to see what happened to it.</p>
          <SalesList search={search} setSearch={setSearch} page={page} setPage={setPage} onOpen={onOpen} />
        </>
      ) : (
        <SaleDetailView saleId={saleId} onBack={() => onOpen(null)} />
      )}
    </section>
  );
}
