import type { OutboxStatus } from '../admin-api.js';

/** Where a sale or refund is in the outbox, in the Status list's words. */
export const outboxStatusWords: Record<OutboxStatus, string> = {
  pending: 'Waiting',
  sending: 'Sending',
  done: 'Sent',
  exception: 'Exception',
  voided: 'Voided',
};
