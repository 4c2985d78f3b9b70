import type { ExceptionDetail } from '../../api/exceptions-api.js';
import { ageOf, formatTime } from '../../format.js';
import { StatusPill } from '../StatusPill.js';
import { BlockingTag } from './BlockingTag.js';
import { ExceptionStateTag } from './ExceptionStateTag.js';

/** The facts: which sale, since when, where it stands, and Stok.ly's (or the agent's) own words. */
export function ExceptionFacts({ item }: { item: ExceptionDetail }) {
  const row = item.outbox;
  const lastError = row?.lastError && row.lastError !== item.detail ? row.lastError : null;
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
        {row && (
          <>
            <dt>Sending</dt>
            <dd>
              <StatusPill status={row.status} outcomeUnknown={row.outcomeUnknown} />
              {' '}{row.attempts} {row.attempts === 1 ? 'attempt' : 'attempts'}
              {row.lastAttemptAt && <>, last {formatTime(row.lastAttemptAt)}</>}
              {row.remoteId && <>; Stok.ly order <span className="mono">{row.remoteId}</span></>}
            </dd>
          </>
        )}
        {item.status !== 'open' && (
          <>
            <dt>{item.status === 'voided' ? 'Voided' : 'Resolved'}</dt>
            <dd>{formatTime(item.resolvedAt)} by {item.resolvedBy ?? 'unknown'}{item.resolution ? `: ${item.resolution}` : ''}</dd>
          </>
        )}
      </dl>
      <h3>{item.blocking ? 'What Stok.ly said' : 'What the agent found'}</h3>
      <blockquote className="said">{item.detail}</blockquote>
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
