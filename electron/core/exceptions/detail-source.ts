import type { ExceptionRow } from '../db/exceptions-repo.js';
import type { OutboxAttempt } from '../db/outbox-repo.js';

/** Reasons whose detail is the refusal Stok.ly sent back to a request (send-result.ts); every other detail is the agent's own finding. */
const stoklyAnswers: ReadonlySet<string> = new Set(['rejected_by_stokly']);

/**
 * Whose words an item's detail is. "What Stok.ly said" is only true when an attempt reached
 * Stok.ly and this is its refusal; an unknown SKU or an unmapped tender is found by the agent
 * before anything is sent, and a review is the agent's own comparison.
 */
export function detailSource(e: Pick<ExceptionRow, 'reason' | 'blocking'>, attempts: readonly Pick<OutboxAttempt, 'outcome' | 'message'>[]): 'stokly' | 'agent' {
  if (!e.blocking || !stoklyAnswers.has(e.reason)) return 'agent';
  return attempts.some((a) => a.outcome === 'exception' && a.message?.startsWith(`${e.reason}:`) === true) ? 'stokly' : 'agent';
}
