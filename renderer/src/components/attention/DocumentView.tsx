import type { KioskDocument } from '../../api/schemas.js';
import { formatAmount, formatTime } from '../../format.js';
import { useKioskName } from '../../hooks/useKioskName.js';
import { PaymentsTable } from './PaymentsTable.js';
import { RefundLinesTable } from './RefundLinesTable.js';
import { SaleLinesTable } from './SaleLinesTable.js';

/** The sale or refund as the kiosk sent it; raw JSON only when its shape is unknown. */
export function DocumentView({ raw, document, kind, problemSkus }: {
  raw: unknown;
  document: KioskDocument | null;
  kind: string;
  problemSkus: readonly string[];
}) {
  const noun = kind === 'refund' ? 'refund' : 'sale';
  const kioskName = useKioskName();
  if (raw === null || raw === undefined) {
    return (
      <section aria-labelledby="doc-heading">
        <h3 id="doc-heading">The {noun}</h3>
        <p className="subtle">The agent holds no document for this item.</p>
      </section>
    );
  }
  if (!document) {
    return (
      <section aria-labelledby="doc-heading">
        <h3 id="doc-heading">The {noun}</h3>
        <p className="subtle">Shown as the kiosk sent it:</p>
        <pre className="raw-json">{JSON.stringify(raw, null, 2)}</pre>
      </section>
    );
  }
  const paid = document.payments.reduce((sum, p) => sum + p.amount, 0);
  return (
    <section aria-labelledby="doc-heading">
      <h3 id="doc-heading">The {noun}</h3>
      <p className="subtle">
        {document.occurredAt && <>At {formatTime(document.occurredAt)}</>}
        {document.kioskId && <> on kiosk {kioskName(document.kioskId) === document.kioskId ? <span className="mono">{document.kioskId}</span> : kioskName(document.kioskId)}</>}
        {document.refundId && document.saleId && <>, refunding sale <span className="mono">{document.saleId}</span></>}
      </p>
      {kind === 'refund'
        ? <RefundLinesTable lines={document.lines} currency={document.currency} problemSkus={problemSkus} />
        : <SaleLinesTable lines={document.lines} currency={document.currency} problemSkus={problemSkus} />}
      <PaymentsTable payments={document.payments} currency={document.currency} />
      <p className="doc-total">{kind === 'refund' ? 'Refunded' : 'Paid'} in total: <strong>{formatAmount(paid, document.currency)}</strong></p>
    </section>
  );
}
