import { z } from 'zod';

/** Every action the audit log records: people's actions on exceptions, flags, kiosks, checks, and the agent's own. */
export const auditActionSchema = z.enum([
  'retry',
  'approve_refund',
  'map_sku_sale',
  'map_sku_standing',
  'map_tender',
  'void',
  'note',
  'acknowledge',
  'resolved',
  'set_delivery',
  'flag_acknowledged',
  'kiosk_enrolled',
  'kiosk_revoked',
  'check_ticked',
  'month_signed_off',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** What was done, in words (the History table, a sale's story). */
export const auditActionWords: Record<AuditAction, string> = {
  retry: 'Retried',
  approve_refund: 'Approved the refund',
  map_sku_sale: 'Mapped a SKU for this sale',
  map_sku_standing: 'Mapped a SKU for all future sales',
  map_tender: 'Mapped a tender',
  void: 'Voided',
  note: 'Added a note',
  acknowledge: 'Acknowledged',
  resolved: 'Resolved',
  set_delivery: 'Entered the delivery address',
  flag_acknowledged: 'Acknowledged a stock flag',
  kiosk_enrolled: 'Enrolled a kiosk',
  kiosk_revoked: 'Revoked a kiosk',
  check_ticked: 'Ticked a check',
  month_signed_off: 'Signed off the month',
};

export function auditActionWord(action: string): string {
  const known = auditActionSchema.safeParse(action);
  return known.success ? auditActionWords[known.data] : action.replace(/_/g, ' ');
}
