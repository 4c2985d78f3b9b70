/**
 * Kiosk contract 1.1: the refunds of one sale together may give back no more units per SKU
 * than were sold, and no more money than the sale's total. Returns, for each refund (oldest
 * first), why it goes beyond, or nothing when it stays within.
 */
export function refundsBeyondSale(
  sold: { total: number; units: ReadonlyMap<string, number> },
  refunds: ReadonlyArray<{ refundId: string; lines: ReadonlyArray<{ sku: string; quantity: number; amount: number }> }>,
): Map<string, string> {
  const beyond = new Map<string, string>();
  const units = new Map<string, number>();
  let money = 0;
  for (const refund of refunds) {
    const problems: string[] = [];
    for (const line of refund.lines) {
      const total = (units.get(line.sku) ?? 0) + line.quantity;
      units.set(line.sku, total);
      const soldUnits = sold.units.get(line.sku) ?? 0;
      if (total > soldUnits) problems.push(`${total} × ${line.sku} refunded, ${soldUnits} sold`);
    }
    money += refund.lines.reduce((s, l) => s + l.amount, 0);
    if (money > sold.total) problems.push(`${money} refunded in total, the sale took ${sold.total} (minor units)`);
    if (problems.length) beyond.set(refund.refundId, problems.join('; '));
  }
  return beyond;
}

export interface RefundLimitDeps {
  sales: { sold(saleId: string): { total: number; units: ReadonlyMap<string, number> } | undefined; effectiveSaleId(saleId: string): string | undefined };
  refunds: { forSale(saleIds: readonly string[]): Array<{ refundId: string; lines: Array<{ sku: string; quantity: number; amount: number }> }> };
}

/** Why this refund, with the sale's earlier refunds, gives back more than the sale took; null when within or the sale is not here yet. */
export function refundExcess(
  refund: { refundId: string; saleId: string; lines: ReadonlyArray<{ sku: string; quantity: number; amount: number }> },
  deps: RefundLimitDeps,
): string | null {
  const saleId = deps.sales.effectiveSaleId(refund.saleId);
  const sold = saleId ? deps.sales.sold(saleId) : undefined;
  if (!saleId || !sold) return null;
  const earlier = deps.refunds.forSale([...new Set([refund.saleId, saleId])]).filter((r) => r.refundId !== refund.refundId);
  return refundsBeyondSale(sold, [...earlier, { refundId: refund.refundId, lines: refund.lines }]).get(refund.refundId) ?? null;
}

/** A sale arrived after its refunds: the ones that go beyond it, in the order they came. */
export function refundsBeyondArrivedSale(saleId: string, deps: RefundLimitDeps): Map<string, string> {
  const sold = deps.sales.sold(saleId);
  if (!sold) return new Map();
  return refundsBeyondSale(sold, deps.refunds.forSale([saleId]));
}
