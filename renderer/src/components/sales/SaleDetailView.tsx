import { useEffect, useRef } from 'react';
import type { SaleDetail } from '../../../../shared/sales-api.js';
import { useSale } from '../../data/queries.js';
import { formatAmount, formatTime } from '../../format.js';
import { useKioskName } from '../../hooks/useKioskName.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { reasonTitle } from '../../../../shared/words/reasons.js';
import { SaleStatePill } from './SaleStatePill.js';
import { SaleTimeline } from './SaleTimeline.js';

/** One sale: what was bought and paid, where it stands, and everything that happened to it. */
export function SaleDetailView({ saleId, onBack }: { saleId: string; onBack(): void }) {
  const sale = useSale(saleId);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = sale.data !== undefined;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  const back = (
    <p className="back-link">
      <button type="button" className="button-link" onClick={onBack}><span aria-hidden="true">← </span>Back to all sales</button>
    </p>
  );
  if (!sale.data) {
    return (
      <>
        {back}
        {sale.error ? <ErrorBanner message={sale.error.message} lastUpdated={null} /> : <p role="status">Loading…</p>}
      </>
    );
  }
  return (
    <>
      {back}
      <h3 ref={heading} tabIndex={-1} className="sale-heading">Sale <span className="mono">{saleId}</span></h3>
      <SaleFacts sale={sale.data} />
      <div className="detail-grid">
        <div>
          <SaleLines sale={sale.data} />
          <SalePayments sale={sale.data} />
        </div>
        <SaleTimeline sale={sale.data} />
      </div>
    </>
  );
}

function SaleFacts({ sale }: { sale: SaleDetail }) {
  const kioskName = useKioskName();
  const s = sale.summary;
  return (
    <dl className="facts">
      <dt>State</dt>
      <dd><SaleStatePill state={s.state} /></dd>
      <dt>Stok.ly order</dt>
      <dd>{s.orderNumber ? <span className="mono">{s.orderNumber}</span> : 'Not in Stok.ly yet'}</dd>
      <dt>Amount</dt>
      <dd>{formatAmount(s.total, s.currency)}</dd>
      <dt>Kiosk</dt>
      <dd>{kioskName(s.kioskId)}</dd>
      <dt>Paid at the kiosk</dt>
      <dd>{formatTime(s.occurredAt)}</dd>
      <dt>Received</dt>
      <dd>{formatTime(s.receivedAt)}</dd>
      {sale.attempts > 0 && (
        <>
          <dt>Tries at Stok.ly</dt>
          <dd>{sale.attempts}</dd>
        </>
      )}
      {sale.duplicateOf && (
        <>
          <dt>Same sale as</dt>
          <dd className="mono">{sale.duplicateOf}</dd>
        </>
      )}
      {sale.cloudshelfOrderId && (
        <>
          <dt>Cloudshelf order</dt>
          <dd className="mono">{sale.cloudshelfOrderId}</dd>
        </>
      )}
      {sale.customerData && <CustomerDataFact data={sale.customerData} />}
      {sale.openExceptions.length > 0 && (
        <>
          <dt>Needs attention</dt>
          <dd>
            <ul className="plain-list">
              {sale.openExceptions.map((e) => (
                <li key={e.id}><a href={`#/attention/${e.id}`}>{reasonTitle(e.reason)}</a></li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}

/** Endless aisle: never the customer's details, only whether they are held (the delivery masked). */
function CustomerDataFact({ data }: { data: NonNullable<SaleDetail['customerData']> }) {
  if (data.state === 'held' && data.maskedDelivery) {
    return (
      <>
        <dt>Delivery to</dt>
        <dd><span className="mono">{data.maskedDelivery}</span> (the address is kept encrypted, then erased)</dd>
      </>
    );
  }
  const words = {
    held: 'Kept encrypted until Stok.ly has the order, then erased',
    erased: 'Erased: kept only as long as the order needed them',
    unreadable: 'Unreadable (the key that sealed them is gone): enter the address again under Needs attention',
  } as const;
  return (
    <>
      <dt>Customer details</dt>
      <dd>{words[data.state]}</dd>
    </>
  );
}

function SaleLines({ sale }: { sale: SaleDetail }) {
  const currency = sale.summary.currency;
  return (
    <section aria-labelledby="sale-lines-heading">
      <h4 id="sale-lines-heading">What was bought</h4>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">SKU</th>
              <th scope="col" className="num">Qty</th>
              <th scope="col" className="num">Price</th>
              <th scope="col" className="num">Discount</th>
            </tr>
          </thead>
          <tbody>
            {sale.lines.map((l, i) => (
              <tr key={i}>
                <td>{l.name ?? <span className="subtle">Not in the product list</span>}{l.fulfilment === 'ship' && <span className="subtle"> (delivered)</span>}</td>
                <td className="mono">{l.sku}</td>
                <td className="num">{l.quantity}</td>
                <td className="num nowrap">{formatAmount(l.unitPrice, currency)}</td>
                <td className="num nowrap">{l.discount === 0 ? '—' : formatAmount(l.discount, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SalePayments({ sale }: { sale: SaleDetail }) {
  return (
    <section aria-labelledby="sale-payments-heading">
      <h4 id="sale-payments-heading">How it was paid</h4>
      <ul className="plain-list">
        {sale.payments.map((p, i) => (
          <li key={i}>{formatAmount(p.amount, sale.summary.currency)} by {p.tender}{p.reference && <span className="subtle"> (ref. {p.reference})</span>}</li>
        ))}
      </ul>
    </section>
  );
}
