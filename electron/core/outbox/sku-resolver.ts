import type { Clock } from '../clock.js';
import type { ItemsRepo } from '../db/items-repo.js';
import type { StoklyClient } from '../stokly/client.js';
import { findItemsBySku, ITEM_STATUS_DELETED } from '../stokly/items.js';

export interface Resolution {
  itemIds: Map<string, string>;
  unknown: string[];
  inactive: string[];
  ambiguous: string[];
}

/**
 * SKU → Stok.ly itemId. A cached active item is trusted (the catalogue pull keeps it fresh);
 * anything else is asked of Stok.ly again, so a SKU created since the last try is found.
 */
export class SkuResolver {
  constructor(
    private readonly client: StoklyClient,
    private readonly items: ItemsRepo,
    private readonly clock: Clock,
  ) {}

  async resolve(skus: Iterable<string>): Promise<Resolution> {
    const out: Resolution = { itemIds: new Map(), unknown: [], inactive: [], ambiguous: [] };
    for (const sku of new Set(skus)) {
      const cached = this.items.get(sku);
      if (cached?.itemId && cached.active) {
        out.itemIds.set(sku, cached.itemId);
        continue;
      }
      const found = await findItemsBySku(this.client, sku);
      const active = found.filter((i) => i.status !== ITEM_STATUS_DELETED);
      const now = this.clock.now();
      if (active.length === 1 && active[0]) {
        this.items.put({ sku, itemId: active[0].itemId, name: active[0].name ?? null, active: true, checkedAt: now });
        out.itemIds.set(sku, active[0].itemId);
      } else if (active.length > 1) {
        out.ambiguous.push(sku);
      } else if (found[0]) {
        this.items.put({ sku, itemId: found[0].itemId, name: found[0].name ?? null, active: false, checkedAt: now });
        out.inactive.push(sku);
      } else {
        this.items.put({ sku, itemId: null, name: null, active: false, checkedAt: now });
        out.unknown.push(sku);
      }
    }
    return out;
  }
}
