import { useId, useState } from 'react';
import { useApi } from '../../data/ApiProvider.js';
import { fetchedAt } from '../../data/query-client.js';
import { isDay, todayIn } from '../../days.js';
import { formatTime } from '../../format.js';
import { useStoreTimeZone } from '../../hooks/useStoreTimeZone.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { CsvDownloadButton } from '../takings/CsvDownloadButton.js';
import { useMovements } from './data.js';

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/**
 * Retail ops: what moved in Stok.ly's on-hand figures that the kiosks' own sales and restocked
 * refunds do not explain (receipts, adjustments, transfers, losses), per SKU, biggest first.
 */
export function StockMovementsView() {
  const api = useApi();
  const { timeZone } = useStoreTimeZone();
  const today = todayIn(timeZone);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  // This month by default.
  const range = { from: from ?? `${today.slice(0, 7)}-01`, to: to ?? today };
  const valid = isDay(range.from) && isDay(range.to) && range.from <= range.to;
  const movements = useMovements(range.from, range.to, valid);
  const f = useId();
  const items = movements.data?.items;
  return (
    <section aria-labelledby="movements-heading">
      <h2 id="movements-heading">Stock movements</h2>
      <p className="intro">
        Changes to the store&rsquo;s on-hand figures in Stok.ly that kiosk sales and restocked refunds do not explain: goods received,
        adjustments, transfers, losses. Each should be one you can account for.
      </p>
      <div className="takings-controls">
        <div>
          <label className="field-label" htmlFor={`${f}-from`}>From</label>
          <input id={`${f}-from`} type="date" value={range.from} max={today} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label className="field-label" htmlFor={`${f}-to`}>To</label>
          <input id={`${f}-to`} type="date" value={range.to} max={today} onChange={(e) => setTo(e.target.value)} />
        </div>
        {valid && <CsvDownloadButton fileName={`stock-movements-${range.from}-to-${range.to}.csv`} load={() => api.movementsCsv(range.from, range.to)} />}
      </div>
      {!valid && <p className="text-bad" role="alert">Pick a start day on or before the end day.</p>}
      {movements.error && <ErrorBanner message={movements.error.message} lastUpdated={fetchedAt(movements)} />}
      {valid && items === undefined && !movements.error && <p role="status">Loading…</p>}
      {items && items.length === 0 && <p>No unexplained movements in this range.</p>}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Unexplained stock movements per SKU, biggest first</caption>
            <thead>
              <tr>
                <th scope="col">SKU</th><th scope="col">Product</th><th scope="col" className="num">Net units</th>
                <th scope="col" className="num">Movements</th><th scope="col" className="num">Largest</th><th scope="col">Last</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.sku}>
                  <th scope="row" className="mono">{i.sku}</th>
                  <td>{i.name}</td>
                  <td className="num strong">{signed(i.net)}</td>
                  <td className="num">{i.count}</td>
                  <td className="num">{signed(i.largest)}</td>
                  <td>{formatTime(i.lastAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
