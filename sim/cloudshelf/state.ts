import { cloudshelfGid } from './gid.js';

/**
 * The sandbox's live data. Catalogue maps (products, variants, locations) are keyed by the
 * caller's external gid (`platformProvidedId`); each record also has the internal Cloudshelf gid
 * (`id`) that the API reports as `id`. Orders are Cloudshelf's own and keyed by their `id`.
 * Times are epoch milliseconds.
 */

export interface KeyValue {
  key: string;
  value: string;
}

export interface MetadataRecord {
  id: string;
  platformProvidedId: string | null;
  namespace: string;
  key: string;
  data: string;
  createdAt: number;
  updatedAt: number;
}

export interface MetaimageRecord {
  id: string;
  url: string;
  preferredImage: boolean;
  createdAt: number;
  updatedAt: number;
}

interface Entity {
  /** Insertion order; breaks ties when sorting. */
  seq: number;
  /** Internal Cloudshelf gid. */
  id: string;
  createdAt: number;
  updatedAt: number;
}

export interface ProductRecord extends Entity {
  platformProvidedId: string;
  displayName: string;
  handle: string;
  description: string | null;
  productType: string | null;
  vendor: string | null;
  tags: string[];
  metadata: MetadataRecord[];
  remoteUpdatedAt: number | null;
}

export interface VariantRecord extends Entity {
  platformProvidedId: string;
  /** The owning product's platformProvidedId (its key in `products`). */
  productId: string;
  sku: string | null;
  barcode: string | null;
  displayName: string | null;
  currentPrice: number;
  originalPrice: number;
  /** The flag as last sent; stock levels, once any exist, decide the reported value. */
  isInStock: boolean;
  availableToPurchase: boolean;
  inventoryPolicy: string | null;
  position: number | null;
  attributes: KeyValue[];
  metaimages: MetaimageRecord[];
  metadata: MetadataRecord[];
}

export interface LocationRecord extends Entity {
  platformProvidedId: string;
  displayName: string;
  address: string;
  countryCode: string;
  fulfillsOnlineOrders: boolean;
  metadata: MetadataRecord[];
}

export interface StockLevelRecord extends Entity {
  /** The location's platformProvidedId. */
  locationId: string;
  /** The variant's platformProvidedId. */
  productVariantId: string;
  quantity: number;
}

export const ORDER_STATUSES = ['DRAFT_BASKET', 'PLACED', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderLineRecord {
  id: string;
  /** Cloudshelf's id of the variant when the sandbox knows it, else the id as given. */
  productVariantId: string;
  productId: string;
  productName: string;
  productVariantName: string;
  /** The caller's external gids of the variant and product, when known. */
  platformProvidedProductVariantId: string | null;
  platformProvidedProductId: string | null;
  quantity: number;
  price: number;
  currencyCode: string;
  customAttributes: KeyValue[];
  createdAt: number;
  updatedAt: number;
}

export interface OrderRecord extends Entity {
  status: OrderStatus;
  thirdPartyId: string | null;
  discountCode: string | null;
  sessionId: string | null;
  fromPOS: boolean | null;
  lines: OrderLineRecord[];
}

export const SANDBOX_ORGANISATION_ID = cloudshelfGid('Organisation', 'sandbox');

export class CloudshelfState {
  readonly products = new Map<string, ProductRecord>();
  readonly variants = new Map<string, VariantRecord>();
  readonly locations = new Map<string, LocationRecord>();
  /** Keyed by `stockLevelKey(locationId, productVariantId)` (both platformProvidedIds). */
  readonly stockLevels = new Map<string, StockLevelRecord>();
  readonly orders = new Map<string, OrderRecord>();
  private seq = 0;

  /** The organisation's safety stock number: in stock when quantity > safetyStock. */
  constructor(public safetyStock: number) {}

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Insertion order and internal gid for a new entity of `type` (Product, ProductVariant, ...). */
  allocate(type: string): { seq: number; id: string } {
    const seq = this.nextSeq();
    return { seq, id: cloudshelfGid(type, seq) };
  }

  /** A fresh internal gid for an entity of `type` (Product, ProductVariant, ...). */
  newId(type: string): string {
    return cloudshelfGid(type, this.nextSeq());
  }

  findProduct(id: string): ProductRecord | undefined {
    return this.products.get(id) ?? findByInternalId(this.products, id);
  }

  findVariant(id: string): VariantRecord | undefined {
    return this.variants.get(id) ?? findByInternalId(this.variants, id);
  }

  findLocation(id: string): LocationRecord | undefined {
    return this.locations.get(id) ?? findByInternalId(this.locations, id);
  }

  findOrder(id: string): OrderRecord | undefined {
    return this.orders.get(id);
  }

  variantsOfProduct(productKey: string): VariantRecord[] {
    return [...this.variants.values()]
      .filter((v) => v.productId === productKey)
      .sort((a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) || a.seq - b.seq);
  }

  stockLevelsOfVariant(variantKey: string): StockLevelRecord[] {
    return [...this.stockLevels.values()].filter((s) => s.productVariantId === variantKey);
  }

  stockLevelsAtLocation(locationKey: string): StockLevelRecord[] {
    return [...this.stockLevels.values()].filter((s) => s.locationId === locationKey);
  }

  isStockLevelInStock(level: StockLevelRecord): boolean {
    return level.quantity > this.safetyStock;
  }

  /**
   * A variant is in stock when any location holds more than the safety stock. Before any stock
   * level exists for it, the `isInStock` flag last sent with the variant is reported.
   */
  isVariantInStock(variant: VariantRecord): boolean {
    const levels = this.stockLevelsOfVariant(variant.platformProvidedId);
    if (levels.length === 0) return variant.isInStock;
    return levels.some((level) => this.isStockLevelInStock(level));
  }
}

export function stockLevelKey(locationKey: string, variantKey: string): string {
  return `${locationKey}\n${variantKey}`;
}

function findByInternalId<T extends { id: string }>(map: ReadonlyMap<string, T>, id: string): T | undefined {
  if (!id.startsWith('gid://cloudshelf/')) return undefined;
  for (const record of map.values()) if (record.id === id) return record;
  return undefined;
}
