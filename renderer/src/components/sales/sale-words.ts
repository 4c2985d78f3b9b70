import type { SaleState, TimelineEntry } from '../../../../shared/sales-api.js';
import { auditActionWord } from '../../../../shared/words/audit-actions.js';
import { flagLabel, flagMeaning } from '../../../../shared/words/flags.js';
import { reasonMessage, reasonTitle } from '../../../../shared/words/reasons.js';

/** Where a sale is, in the words the Sales tab uses (and the handbook quotes). */
export const saleStateWords: Record<SaleState, { label: string; pill: string }> = {
  sent: { label: 'In Stok.ly', pill: 'pill-done' },
  sending: { label: 'Sending', pill: 'pill-sending' },
  waiting: { label: 'Waiting to send', pill: 'pill-pending' },
  attention: { label: 'Needs attention', pill: 'pill-exception' },
  voided: { label: 'Voided, not sent', pill: 'pill-voided' },
  duplicate: { label: 'Sent twice by the kiosk, kept once', pill: 'pill-voided' },
};

export interface TimelineWords {
  title: string;
  /** A second line: the answer, the note, the meaning; null when there is nothing more. */
  detail: string | null;
}

/** One timeline entry in words. */
export function timelineWords(e: TimelineEntry, ctx: { kioskName(id: string): string; money(minor: number): string }): TimelineWords {
  const by = e.actor && e.actor !== 'system' ? ` by ${e.actor}` : '';
  switch (e.kind) {
    case 'received':
      return { title: `Received from ${ctx.kioskName(e.ref ?? '')}${e.amount === null ? '' : `: ${ctx.money(e.amount)}`}`, detail: null };
    case 'flag':
      return { title: `Flagged: ${flagLabel(e.code ?? '')}${e.ref ? ` (${e.ref})` : ''}`, detail: flagMeaning(e.code ?? '') ?? e.detail };
    case 'attempt':
      switch (e.code) {
        case 'created': return { title: `Stok.ly created order ${e.ref ?? ''}`.trim(), detail: null };
        case 'done': return { title: 'Stok.ly confirmed it: items collected, order complete', detail: null };
        case 'retry': return { title: 'Sending did not succeed; the agent tries again by itself', detail: e.detail };
        case 'rate_limited': return { title: 'Stok.ly asked the agent to slow down; it tries again by itself', detail: null };
        case 'exception': return { title: 'Held back for a person (see Needs attention)', detail: e.detail === null ? null : reasonMessage(e.detail) };
        default: return { title: `Attempt: ${e.code ?? ''}`, detail: e.detail };
      }
    case 'exception_opened':
      return { title: `Needs attention: ${reasonTitle(e.code)}`, detail: null };
    case 'exception_closed':
      return { title: `${e.code === 'voided' ? 'Closed as voided' : 'Cleared'}${by}`, detail: e.detail };
    case 'action':
      return { title: `${auditActionWord(e.code ?? '')}${by}`, detail: e.detail };
    case 'refund':
      return { title: `Refund ${e.ref ?? ''}${e.amount === null ? '' : ` of ${ctx.money(e.amount)}`}: ${saleStateWords[(e.code ?? 'waiting') as SaleState]?.label ?? e.code}`, detail: null };
    case 'collected':
      return { title: `In Stok.ly as order ${e.ref ?? ''}`.trim(), detail: null };
    case 'voided':
      return { title: 'Voided: it will not be sent to Stok.ly', detail: e.detail };
    default: {
      const unreachable: never = e.kind;
      return { title: String(unreachable), detail: null };
    }
  }
}
