import { toCatalogProduct, type PriceRules } from '../catalog/item-mapping.js';
import type { Clock } from '../clock.js';
import type { CatalogRepo } from '../db/catalog-repo.js';
import type { MappingsRepo } from '../db/mappings-repo.js';
import type { StoklyClient } from '../stokly/client.js';
import { findItemsBySku } from '../stokly/items.js';

export interface Resolution {
  itemIds: Map<string, string>;
  unknown: string[];
  inactive: string[];
  ambiguous: string[];
}

/**
 * SKU → Stok.ly itemId. A cached active product is trusted (the catalogue pull keeps it fresh);
 * anything else is asked of Stok.ly again, so a SKU created since the last try is found.
 */
export class SkuResolver {
  constructor(
    private readonly client: StoklyClient,
    private readonly catalog: CatalogRepo,
    private readonly rules: PriceRules,
    private readonly clock: Clock,
    private readonly mappings: MappingsRepo,
  ) {}

  /**
   * A person's mapping wins: for this sale only (`saleId`), then a standing alias; otherwise the
   * master decides.
   */
  async resolve(skus: Iterable<string>, context: { saleId?: string } = {}): Promise<Resolution> {
    const out: Resolution = { itemIds: new Map(), unknown: [], inactive: [], ambiguous: [] };
    for (const sku of new Set(skus)) {
      const mapped = (context.saleId ? this.mappings.saleOverride(context.saleId, sku) : undefined) ?? this.mappings.alias(sku);
      if (mapped) {
        out.itemIds.set(sku, mapped);
        continue;
      }
      let status = this.catalog.skuStatus(sku, { catalogComplete: false });
      if (status.kind !== 'active') {
        const found = await findItemsBySku(this.client, sku);
        const now = this.clock.now();
        if (found.length === 0) this.catalog.markUnknown(sku, now);
        else this.catalog.upsertMany(found.map((i) => toCatalogProduct(i, this.rules)), now);
        status = this.catalog.skuStatus(sku, { catalogComplete: false });
      }
      switch (status.kind) {
        case 'active':
          out.itemIds.set(sku, status.product.itemId);
          break;
        case 'inactive':
          out.inactive.push(sku);
          break;
        case 'ambiguous':
          out.ambiguous.push(sku);
          break;
        case 'unknown':
        case 'not_cached':
          out.unknown.push(sku);
          break;
      }
    }
    return out;
  }
}
