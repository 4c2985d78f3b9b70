import { minorToMajor } from '../../../shared/money.js';
import type { Refund } from '../../../shared/kiosk-api.js';

export interface CreditNoteLineBody {
  lineId: string;
  referenceId: string;
  quantity: number;
  amount: number;
  restock: boolean;
  locationId?: string;
}

/**
 * ASSUMED body of `POST /v0/credit-notes` (the resource exists; its body is not published).
 * Everything about its shape lives in this function and in the sandbox's schema beside it:
 * a credit note against the sale's order, its lines pointing at the order's lines, restocked
 * lines naming the store location (Stok.ly puts the stock back; no separate adjustment is sent).
 */
export interface CreditNoteBody {
  saleOrderId: string;
  createdAt: string;
  currency: string;
  sourceReferenceId: string;
  reason: string;
  items: CreditNoteLineBody[];
  payments: Array<{ method: number; amount: number }>;
}

export function refundToCreditNote(
  refund: Refund,
  ctx: {
    saleOrderId: string;
    reference: string;
    locationId: string;
    /** Order line for each refund line (same index), chosen by the caller. */
    lines: ReadonlyArray<{ lineId: string; itemId: string }>;
    methods: ReadonlyMap<string, number>;
  },
): CreditNoteBody {
  const money = (minor: number): number => minorToMajor(minor, refund.currency);
  return {
    saleOrderId: ctx.saleOrderId,
    createdAt: new Date(refund.occurredAt).toISOString(),
    currency: refund.currency,
    sourceReferenceId: ctx.reference,
    reason: `Kiosk refund ${refund.refundId} (kiosk ${refund.kioskId})`,
    items: refund.lines.map((line, i) => {
      const target = ctx.lines[i];
      if (!target) throw new Error(`refund ${refund.refundId} line ${i} has no order line`);
      return {
        lineId: target.lineId,
        referenceId: target.itemId,
        quantity: line.quantity,
        amount: money(line.amount),
        restock: line.restock,
        ...(line.restock ? { locationId: ctx.locationId } : {}),
      };
    }),
    payments: refund.payments.map((p) => {
      const method = ctx.methods.get(p.tender);
      if (method === undefined) throw new Error(`no Stok.ly payment method for tender ${p.tender}`);
      return { method, amount: money(p.amount) };
    }),
  };
}
