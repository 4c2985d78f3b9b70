import type { Baseline, MovementRow } from '../db/stock-movements-repo.js';

export interface MeasureInput {
  at: number;
  /** Per Stok.ly item, the pull just stored (at least every item that can have moved). */
  snapshot: ReadonlyMap<string, { onHand: number; sku: string; name: string }>;
  /** Where each of those items' movements are measured from (absent: new since). */
  baselines: ReadonlyMap<string, Baseline>;
  /** Per item, the units the kiosks' sales (−) and restocked refunds (+) settled by this pull account for. */
  explained: ReadonlyMap<string, number>;
  /** Items whose figure may already hold a sale this pull does not settle: measured later. */
  uncertain: ReadonlySet<string>;
  describe(itemId: string): { sku: string; name: string };
}

export interface MeasureResult {
  movements: MovementRow[];
  /** Baselines that changed. */
  baselines: Map<string, Baseline>;
}

/**
 * movement = (on-hand now − on-hand at the baseline) − what the kiosks' own settled sales and
 * refunds explain since the baseline. An item with a sale in flight keeps its baseline and
 * carries what was settled, so a sale collected while a pull ran never shows as a movement
 * (it would otherwise appear as −q at one pull and +q at the next). Pure.
 */
export function measureMovements(input: MeasureInput): MeasureResult {
  const changed = new Map<string, Baseline>();
  const movements: MovementRow[] = [];
  const items = new Set([...input.snapshot.keys(), ...input.baselines.keys(), ...input.explained.keys()]);
  for (const itemId of items) {
    const known = input.baselines.get(itemId);
    const base = known ?? { onHand: 0, explained: 0 };
    const now = input.snapshot.get(itemId)?.onHand ?? 0;
    const explained = base.explained + (input.explained.get(itemId) ?? 0);
    if (input.uncertain.has(itemId)) {
      if (!known || explained !== base.explained) changed.set(itemId, { onHand: base.onHand, explained });
      continue;
    }
    const movement = now - base.onHand - explained;
    if (movement !== 0) {
      const { sku, name } = input.snapshot.get(itemId) ?? input.describe(itemId);
      movements.push({ itemId, sku, name, movement, onHandBefore: base.onHand, onHandAfter: now, explained, at: input.at });
    }
    if (!known || now !== base.onHand || base.explained !== 0) changed.set(itemId, { onHand: now, explained: 0 });
  }
  movements.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.itemId < b.itemId ? -1 : 1));
  return { movements, baselines: changed };
}
