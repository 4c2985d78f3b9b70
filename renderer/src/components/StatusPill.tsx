import type { OutboxItem } from '../../../shared/admin-api.js';
import { outboxStatusWords } from '../../../shared/words/outbox-status.js';

export function StatusPill({ status, outcomeUnknown, waitingForSale = false }: { status: OutboxItem['status']; outcomeUnknown: boolean; waitingForSale?: boolean }) {
  // A refund held for its sale is normal: its own words, not a plain "Waiting".
  if (waitingForSale) return <span className="pill pill-held">Waiting for its sale</span>;
  return (
    <span className={`pill pill-${status}`}>
      {outboxStatusWords[status]}
      {outcomeUnknown && status === 'pending' && <span className="pill-note"> (checking)</span>}
    </span>
  );
}
