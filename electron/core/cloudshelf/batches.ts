import type { UpsertVariantsInput } from './inputs.js';
import type { DesiredVariant } from './mapping.js';

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
 * entries it holds in the same order, so `inputs[g].variants[v]` in an error names members[g][v].
 */
export interface VariantCall<T extends DesiredVariant> {
  inputs: UpsertVariantsInput[];
  members: T[][];
}

/** Groups one batch (already within the variant limit) by product, keeping first-seen order. */
export function variantCall<T extends DesiredVariant>(batch: readonly T[]): VariantCall<T> {
  const byProduct = new Map<string, T[]>();
  for (const entry of batch) {
    const group = byProduct.get(entry.productId);
    if (group) group.push(entry);
    else byProduct.set(entry.productId, [entry]);
  }
  const members = [...byProduct.values()];
  return {
    inputs: [...byProduct.entries()].map(([productId, group]) => ({ productId, variants: group.map((e) => e.input) })),
    members,
  };
}
