import type { LineReason, ProvisionalReason, ReconciliationStatus } from '../../../../shared/reconciliation.js';

export const statusWords: Record<ReconciliationStatus, { label: string; icon: string; meaning: string }> = {
  provisional: { label: 'Provisional', icon: '…', meaning: 'Figures can still change.' },
  balanced: { label: 'Balanced', icon: '✓', meaning: 'Stok.ly holds exactly what the kiosks took.' },
  variance: { label: 'Variance', icon: '✕', meaning: 'Stok.ly and the kiosks disagree; the lines below explain why.' },
};

export const provisionalWords: Record<ProvisionalReason, string> = {
  day_open: 'the day is still trading',
  pending: 'some sales or refunds are still on their way to Stok.ly',
  exception: 'some sales or refunds need a person (see Needs attention)',
};

export const lineReasonWords: Record<LineReason, string> = {
  pending: 'Not yet in Stok.ly (waiting to send)',
  exception: 'Waiting for a person',
  voided: 'Voided by a person',
  not_queued: 'Never sent',
  not_in_stokly: 'Sent, but missing in Stok.ly',
  stokly_other_day: 'In Stok.ly on another day',
  stokly_other_channel: 'In Stok.ly under another channel',
  removed_in_stokly: 'Removed in Stok.ly',
  duplicate_in_stokly: 'In Stok.ly more than once',
  amount_differs: 'Amount differs',
  tender_differs: 'Tender differs',
  unknown_to_kiosk: 'In Stok.ly, unknown to the kiosks',
  kiosk_other_day: 'Kiosk sale on another day',
  duplicate_sale: 'Duplicate kiosk sale',
};

export function lineReasonWord(reason: string): string {
  return (lineReasonWords as Record<string, string>)[reason] ?? reason.replace(/_/g, ' ');
}
