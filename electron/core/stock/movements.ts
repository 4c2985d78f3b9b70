import type { Baseline, MovementRow } from '../db/stock-movements-repo.js';

export interface MeasureInput {
  at: number;
  /** On-hand per SKU in the pull just stored. */
  snapshot: ReadonlyMap<string, { onHand: number; name: string }>;
  /** Where each SKU's movements are measured from; empty before the first pull. */
  baselines: ReadonlyMap<string, Baseline>;
  /** Units the kiosks' sales (−) and restocked refunds (+) settled by this pull account for. */
  explained: ReadonlyMap<string, number>;
  /** SKUs whose figure may already hold a sale this pull does not settle: measured later. */
  uncertain: ReadonlySet<string>;
  nameOf(sku: string): string;
}

export interface MeasureResult {
  movements: MovementRow[];
  /** Baselines that changed. */
  baselines: Map<string, Baseline>;
}

/**
 * movement = (on-hand now − on-hand at the baseline) − what the kiosks' own settled sales and
 * refunds explain since the baseline. A SKU with a sale in flight keeps its baseline and
 * carries what was settled, so a sale collected while a pull ran never shows as a movement
 * (it would otherwise appear as −q at one pull and +q at the next). Pure.
 */
export function measureMovements(input: MeasureInput): MeasureResult {
  const changed = new Map<string, Baseline>();
  const movements: MovementRow[] = [];
  if (input.baselines.size === 0) {
    // The first pull is the starting point: nothing to compare with.
    for (const [sku, s] of input.snapshot) changed.set(sku, { onHand: s.onHand, explained: 0 });
    return { movements, baselines: changed };
  }
  const skus = new Set([...input.snapshot.keys(), ...input.baselines.keys(), ...input.explained.keys()]);
  for (const sku of skus) {
    const known = input.baselines.get(sku);
    const base = known ?? { onHand: 0, explained: 0 };
    const now = input.snapshot.get(sku)?.onHand ?? 0;
    const explained = base.explained + (input.explained.get(sku) ?? 0);
    if (input.uncertain.has(sku)) {
      if (!known || explained !== base.explained) changed.set(sku, { onHand: base.onHand, explained });
      continue;
    }
    const movement = now - base.onHand - explained;
    if (movement !== 0) {
      movements.push({
        sku, name: input.snapshot.get(sku)?.name ?? input.nameOf(sku), movement,
        onHandBefore: base.onHand, onHandAfter: now, explained, at: input.at,
      });
    }
    if (!known || now !== base.onHand || base.explained !== 0) changed.set(sku, { onHand: now, explained: 0 });
  }
  movements.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  return { movements, baselines: changed };
}
