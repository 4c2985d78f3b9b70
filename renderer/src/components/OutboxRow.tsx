import { exceptionHelp, exceptionReasonSchema } from '../../../shared/exceptions.js';
import type { OutboxItem, OutboxListItem } from '../../../shared/admin-api.js';
import { formatAmount, formatTime } from '../format.js';
import { RetryButton } from './RetryButton.js';
import { StatusPill } from './StatusPill.js';

/**
 * What is wrong, in words: an exception by its reason (the agent's detail beside it) and how to
 * fix it; a row still being tried by what its last try met; a refund held for its sale as normal.
 */
function problem(item: OutboxItem): { text: string; detail: string | null; fix: string | null } | null {
  if (item.waitingForSale) return { text: 'Sent once its sale is in Stok.ly. Nothing to do.', detail: null, fix: null };
  const reason = exceptionReasonSchema.safeParse(item.exceptionReason);
  if (item.status === 'exception' && reason.success) {
    const help = exceptionHelp[reason.data];
    return { text: help.title, detail: item.lastError, fix: help.fix };
  }
  if (!item.lastError || item.status === 'done') return null;
  return { text: item.status === 'voided' ? 'Voided' : 'The last try did not get through; the agent tries again by itself', detail: item.lastError, fix: null };
}

/** A refund gives money back: shown with a minus and said in words, so it is never read as a sale. */
function Amount({ item }: { item: OutboxListItem }) {
  if (item.amount === null) return <span className="subtle">—</span>;
  const money = formatAmount(item.amount, item.currency);
  return item.kind === 'refund' ? <>−{money}<p className="cell-note">refunded</p></> : <>{money}</>;
}

export function OutboxRow({ item, kioskName, onRetry }: { item: OutboxListItem; kioskName: string | null; onRetry(item: OutboxItem): Promise<void> }) {
  const issue = problem(item);
  return (
    <tr className={item.status === 'exception' ? 'row-exception' : undefined}>
      <td><StatusPill status={item.status} outcomeUnknown={item.outcomeUnknown} waitingForSale={item.waitingForSale} /></td>
      <td>
        <span className="mono">{item.ref}</span>
        {item.kind === 'refund' && <span className="subtle"> (refund)</span>}
        {kioskName && <p className="cell-note">{kioskName}</p>}
      </td>
      <td className="num nowrap"><Amount item={item} /></td>
      <td>{formatTime(item.createdAt)}</td>
      <td className="num">{item.status === 'done' && item.attempts === 0 ? <span className="subtle">first try</span> : item.attempts}</td>
      <td>
        {issue ? issue.text : <span className="subtle">—</span>}
        {issue?.detail && <p className="cell-note">{issue.detail}</p>}
        {issue?.fix && <p className="fix">What to do: {issue.fix}</p>}
      </td>
      <td>{item.status === 'exception' && <RetryButton label={`Retry ${item.ref}`} onRetry={() => onRetry(item)} />}</td>
    </tr>
  );
}
