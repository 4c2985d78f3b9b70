import { minorToMajor } from '../../../shared/money.js';
import type { Availability, CatalogProduct } from '../catalog/types.js';
import { productGid, variantGid } from './gids.js';
import type { ProductInput, ProductVariantInput, StockLevelInput } from './inputs.js';

/**
 * Stok.ly catalogue → what Cloudshelf should hold. Pure: the same catalogue and stock always map
 * to the same inputs, so their hashes tell the push what changed.
 */

/** Stok.ly is the master for stock: the screens must not sell what the store has not got. */
export const INVENTORY_POLICY = 'DENY';

/** The Stok.ly format of a variable parent: it holds no stock, its children are the variants. */
const VARIABLE_PARENT = 2;

export interface DesiredVariant {
  /** The owning product's gid (UpsertVariantsInput.productId). */
  productId: string;
  input: ProductVariantInput;
}

export interface DesiredCatalogue {
  products: ProductInput[];
  variants: DesiredVariant[];
  stockLevels: StockLevelInput[];
}

function availabilityIndex(availability: readonly Availability[]): (item: CatalogProduct) => number {
  const byItemId = new Map<string, number>();
  const bySku = new Map<string, number>();
  for (const a of availability) {
    if (a.itemId !== null) byItemId.set(a.itemId, a.available);
    bySku.set(a.sku, a.available);
  }
  // Never negative: Cloudshelf refuses a negative quantity, and "none" is what a person means.
  return (item) => Math.max(0, Math.trunc(byItemId.get(item.itemId) ?? bySku.get(item.sku) ?? 0));
}

/** Blank names are sent as null: Cloudshelf refuses an empty variant name but allows none. */
function variantName(name: string): string | null {
  return name.trim() === '' ? null : name;
}

export function mapVariant(item: CatalogProduct, context: { productActive: boolean; available: number }): ProductVariantInput {
  const { productActive, available } = context;
  const sellable = item.active && productActive;
  // Cloudshelf needs a price to create a variant; with none known, 0 stands in and the variant
  // is not purchasable, so the screen never sells at a made-up price.
  const price = item.price === null ? 0 : minorToMajor(item.price, item.currency);
  return {
    id: variantGid(item.itemId),
    sku: item.sku,
    barcode: item.barcodes[0] ?? null,
    displayName: variantName(item.name),
    currentPrice: price,
    originalPrice: price,
    isInStock: sellable && available > 0,
    availableToPurchase: sellable && item.price !== null,
    inventoryPolicy: INVENTORY_POLICY,
  };
}

/**
 * A simple item without a parent is a product with one variant (both keyed by its itemId); a
 * variable parent is a product whose variants are the items naming it as parentId. A child whose
 * parent is missing still lands under the parent's gid, named after itself until the parent
 * arrives, so it never has to move between products. Inactive items stay on Cloudshelf, not
 * purchasable, out of stock and with quantity 0.
 */
export function mapCatalogue(items: readonly CatalogProduct[], availability: readonly Availability[], locationId: string): DesiredCatalogue {
  const available = availabilityIndex(availability);
  const byItemId = new Map(items.map((item) => [item.itemId, item]));
  const groups = new Map<string, CatalogProduct[]>();
  for (const item of items) {
    if (item.format === VARIABLE_PARENT) {
      if (!groups.has(item.itemId)) groups.set(item.itemId, []);
      continue;
    }
    const key = item.parentId ?? item.itemId;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }

  const desired: DesiredCatalogue = { products: [], variants: [], stockLevels: [] };
  for (const [key, members] of groups) {
    const first = members[0];
    if (!first) continue; // a variable parent without children has nothing to show
    const parent = byItemId.get(key);
    const productActive = parent?.active ?? true;
    const productId = productGid(key);
    desired.products.push({ id: productId, displayName: parent?.name ?? first.name });
    for (const item of members) {
      const sellable = item.active && productActive;
      const quantity = sellable ? available(item) : 0;
      const input = mapVariant(item, { productActive, available: quantity });
      desired.variants.push({ productId, input });
      desired.stockLevels.push({ locationId, productVariantId: input.id, quantity });
    }
  }
  return desired;
}

/** A variant Stok.ly no longer lists: kept on Cloudshelf (there is no delete) but unsellable. */
export function retiredVariant(last: DesiredVariant): DesiredVariant {
  return { productId: last.productId, input: { ...last.input, isInStock: false, availableToPurchase: false } };
}
