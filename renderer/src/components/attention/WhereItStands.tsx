import type { ExceptionDetail } from '../../api/exceptions-api.js';
import { formatTime } from '../../format.js';
import { StatusPill } from '../StatusPill.js';

/**
 * Where the sale or refund really is, in words: in Stok.ly (with its order), held back by
 * another item (linked), waiting to be sent, or voided. A review does not hold anything back,
 * so its page must not let a person think the sale is in Stok.ly while something else holds it.
 */
export function WhereItStands({ item }: { item: ExceptionDetail }) {
  const row = item.outbox;
  const noun = item.subjectKind === 'refund' ? 'refund' : 'sale';
  if (!row) return <>The agent has no record of sending this {noun}.</>;
  const order = row.remoteId ? <>order <span className="mono">{row.remoteId}</span></> : null;
  let words;
  if (row.status === 'done') {
    words = <>In Stok.ly{order && <> as {order}</>} since {formatTime(row.doneAt)}.</>;
  } else if (row.status === 'voided') {
    words = <>Voided: it was never sent to Stok.ly.</>;
  } else {
    const where = order ? <>Stok.ly has it as {order}, but it is not finished</> : <>Not in Stok.ly yet</>;
    let why;
    if (item.heldBy.length > 0) {
      why = (
        <>
          held back by{' '}
          {item.heldBy.map((b, i) => (
            <span key={b.id}>{i > 0 && ' and '}<a href={`#/attention/${b.id}`}>{b.title}</a></span>
          ))}
          {item.blocking ? '' : ' (this review does not hold it back)'}
        </>
      );
    } else if (row.status === 'exception') {
      why = <>it waits for this item to be dealt with</>;
    } else if (row.waitingForSale) {
      why = <>it waits for its sale to be sent first</>;
    } else {
      why = <>the agent sends it at its next try</>;
    }
    words = <>{where}: {why}.</>;
  }
  return (
    <>
      <StatusPill status={row.status} outcomeUnknown={row.outcomeUnknown} waitingForSale={row.waitingForSale} />
      {' '}{words}
      {row.attempts > 0 && <> ({row.attempts} {row.attempts === 1 ? 'attempt' : 'attempts'}{row.lastAttemptAt && <>, last {formatTime(row.lastAttemptAt)}</>})</>}
    </>
  );
}
