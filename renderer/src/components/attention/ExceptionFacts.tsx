import type { ExceptionDetail } from '../../api/exceptions-api.js';
import { ageOf, formatTime } from '../../format.js';
import { BlockingTag } from './BlockingTag.js';
import { ExceptionStateTag } from './ExceptionStateTag.js';
import { detailHeading, priceReviewSentence } from './detail-words.js';
import { WhereItStands } from './WhereItStands.js';

/** The facts: which sale, since when, where it stands, and Stok.ly's (or the agent's) own words. */
export function ExceptionFacts({ item }: { item: ExceptionDetail }) {
  const row = item.outbox;
  // The row's latest error is this item's news only when the item is what holds the row (a review's sale may be held by another).
  const lastError = item.blocking && row?.lastError && row.lastError !== item.detail ? row.lastError : null;
  return (
    <section aria-labelledby="facts-heading">
      <h3 id="facts-heading" className="visually-hidden">Facts</h3>
      <div className="tag-row">
        <ExceptionStateTag status={item.status} />
        {item.status === 'open' && <BlockingTag blocking={item.blocking} />}
      </div>
      <dl className="facts">
        <dt>{item.subjectKind === 'refund' ? 'Refund' : 'Sale'}</dt>
        <dd><span className="mono">{item.subjectRef}</span></dd>
        <dt>Opened</dt>
        <dd>{formatTime(item.createdAt)} ({ageOf(item.createdAt, Date.now())} ago)</dd>
        {(item.subjectKind === 'sale' || item.subjectKind === 'refund') && (
          <>
            <dt>Where it stands</dt>
            <dd><WhereItStands item={item} /></dd>
          </>
        )}
        {row?.kind === 'sale' && (
          <>
            <dt>On the Sales tab</dt>
            <dd><a href={`#/sales/${encodeURIComponent(row.ref)}`}>Open sale {row.ref}</a> (its timeline: each attempt, what Stok.ly answered, who did what)</dd>
          </>
        )}
        {item.status !== 'open' && (
          <>
            <dt>{item.status === 'voided' ? 'Voided' : 'Resolved'}</dt>
            <dd>{formatTime(item.resolvedAt)} by {item.resolvedBy ?? 'unknown'}{item.resolution ? `: ${item.resolution}` : ''}</dd>
          </>
        )}
      </dl>
      <h3>{detailHeading(item)}</h3>
      {item.priceReview
        ? <p className="said said-words">{priceReviewSentence(item.priceReview)}</p>
        : <blockquote className="said">{item.detail}</blockquote>}
      {lastError && <blockquote className="said">Latest answer: {lastError}</blockquote>}
      {item.status === 'open' && (
        <>
          <h3>What to do</h3>
          <p>{item.fix}</p>
        </>
      )}
    </section>
  );
}
