import { exceptionHelp, exceptionReasonSchema } from '../exceptions.js';

/**
 * Why a sale or refund waits for a person, in words: the title of its entry in `exceptionHelp`
 * (keyed by every `exceptionReasonSchema` value, so a new reason does not type-check without
 * words). A code this build does not know is shown with spaces, never with underscores.
 */
export function reasonTitle(code: string | null): string {
  const reason = exceptionReasonSchema.safeParse(code);
  if (reason.success) return exceptionHelp[reason.data].title;
  return code ? code.replace(/_/g, ' ') : 'No reason given';
}

/** "unknown_sku: Stok.ly has no item …" (how a hold is recorded) with its reason in words. */
export function reasonMessage(message: string): string {
  const match = /^([a-z_]+): ([\s\S]*)$/.exec(message);
  if (!match || !exceptionReasonSchema.safeParse(match[1]).success) return message;
  return `${reasonTitle(match[1]!)}: ${match[2]!}`;
}
