import type { UpsertVariantsInput } from './inputs.js';
import type { DesiredVariant } from './mapping.js';
import type { Change } from './plan.js';

/** Per call, as Cloudshelf's own connector sends; the API refuses a larger call whole. */
export const BATCH_LIMITS = { products: 1000, variants: 500, stockLevels: 1000 } as const;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * One upsertProductVariants call: its `inputs` grouped by product, and for each group the
 * changes it holds in the same order, so `inputs[g].variants[v]` in an error names members[g][v].
 */
export interface VariantCall {
  inputs: UpsertVariantsInput[];
  members: Change<DesiredVariant>[][];
}

/** Groups one batch (already within the variant limit) by product, keeping first-seen order. */
export function variantCall(batch: readonly Change<DesiredVariant>[]): VariantCall {
  const byProduct = new Map<string, Change<DesiredVariant>[]>();
  for (const change of batch) {
    const group = byProduct.get(change.payload.productId);
    if (group) group.push(change);
    else byProduct.set(change.payload.productId, [change]);
  }
  return {
    inputs: [...byProduct.entries()].map(([productId, group]) => ({ productId, variants: group.map((c) => c.payload.input) })),
    members: [...byProduct.values()],
  };
}
