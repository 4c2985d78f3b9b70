import type { OutboxItem } from '../../../shared/admin-api.js';

const labels: Record<OutboxItem['status'], string> = {
  pending: 'Waiting',
  sending: 'Sending',
  done: 'Sent',
  exception: 'Exception',
  voided: 'Voided',
};

export function StatusPill({ status, outcomeUnknown }: { status: OutboxItem['status']; outcomeUnknown: boolean }) {
  return (
    <span className={`pill pill-${status}`}>
      {labels[status]}
      {outcomeUnknown && status === 'pending' && <span className="pill-note"> (checking)</span>}
    </span>
  );
}
