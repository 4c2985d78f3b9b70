import type { Sale } from '../../shared/kiosk-api.js';

/** A kiosk refund of one unit of a sale's first line, by card, as the kiosk sends it (not restocked). */
export function oneUnitRefund(sale: Sale, refundId = `rf-${sale.saleId}`) {
  const line = sale.lines[0]!;
  const amount = line.unitPrice - line.discount;
  return {
    refundId, saleId: sale.saleId, kioskId: sale.kioskId, occurredAt: new Date().toISOString(), currency: sale.currency,
    lines: [{ sku: line.sku, quantity: 1, amount, restock: false }],
    payments: [{ tender: 'card', amount }],
  };
}
