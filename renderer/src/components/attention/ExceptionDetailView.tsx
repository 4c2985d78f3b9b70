import { useEffect, useRef, useState } from 'react';
import { parseKioskDocument } from '../../api/schemas.js';
import { fetchedAt } from '../../data/query-client.js';
import { useException } from '../../data/queries.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { AuditHistory } from './AuditHistory.js';
import { DocumentView } from './DocumentView.js';
import { ExceptionActions } from './ExceptionActions.js';
import { ExceptionFacts } from './ExceptionFacts.js';
import { NotesList } from './NotesList.js';
import { problemSkus } from './problem-skus.js';

/** One item: what Stok.ly said, the sale itself, what can be done, and what was done. */
export function ExceptionDetailView({ id, onBack }: { id: number; onBack(): void }) {
  const detail = useException(id);
  const [message, setMessage] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = detail.data !== undefined;

  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);


  const back = (
    <p className="back-link">
      <button type="button" className="button-link" onClick={onBack}><span aria-hidden="true">← </span>Back to Needs attention</button>
    </p>
  );

  const item = detail.data;
  if (!item) {
    return (
      <section aria-label="Exception">
        {back}
        {detail.error ? <ErrorBanner message={detail.error.message} lastUpdated={null} /> : <p role="status">Loading…</p>}
      </section>
    );
  }

  const document = parseKioskDocument(item.document);
  const skus = problemSkus(item.detail, document);
  return (
    <section aria-labelledby="detail-heading" className="exception-detail">
      {back}
      <h2 id="detail-heading" ref={heading} tabIndex={-1}>{item.title}</h2>
      {detail.error && <ErrorBanner message={detail.error.message} lastUpdated={fetchedAt(detail)} />}
      <p className="live-message" role="status">{message}</p>
      <div className="detail-grid">
        <div className="detail-main">
          <ExceptionFacts item={item} />
          <DocumentView raw={item.document} document={document} kind={item.subjectKind} problemSkus={skus} />
        </div>
        <div className="detail-side">
          <ExceptionActions item={item} document={document} problemSkus={skus} onDone={setMessage} />
        </div>
      </div>
      <NotesList notes={item.notes} />
      <AuditHistory entries={item.audit} />
    </section>
  );
}
