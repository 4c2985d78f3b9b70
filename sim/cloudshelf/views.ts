import {
  SANDBOX_ORGANISATION_ID,
  type CloudshelfState,
  type KeyValue,
  type LocationRecord,
  type MetadataRecord,
  type MetaimageRecord,
  type OrderLineRecord,
  type OrderRecord,
  type ProductRecord,
  type StockLevelRecord,
  type VariantRecord,
} from './state.js';

/**
 * Records → the objects graphql-js resolves with its default field resolver. Relations are
 * methods, so they are only computed when a query selects them (and cycles never recurse).
 */

export interface IdOnly {
  id: string;
}

const organisation: IdOnly = { id: SANDBOX_ORGANISATION_ID };

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export interface MetadataView {
  id: string;
  platformProvidedId: string | null;
  namespace: string;
  key: string;
  data: string;
  createdAt: string;
  updatedAt: string;
  owningOrganisation: IdOnly;
  location: () => LocationView | null;
  product: () => ProductView | null;
  productVariant: () => VariantView | null;
  productGroup: null;
  user: null;
}

export interface ProductView {
  id: string;
  platformProvidedId: string;
  displayName: string;
  handle: string;
  description: string | null;
  productType: string | null;
  vendor: string | null;
  tags: string[];
  fullTextSearchLanguage: null;
  remoteUpdatedAt: string | null;
  createdAt: string;
  updatedAt: string;
  owningOrganisation: IdOnly;
  productGroups: IdOnly[];
  metadata: () => MetadataView[];
  productVariants: () => VariantView[];
}

export interface MetaimageView {
  id: string;
  url: string;
  originalUrl: string;
  preferredImage: boolean;
  available: boolean;
  height: null;
  width: null;
  orientation: null;
  quality: null;
  productGroup: null;
  createdAt: string;
  updatedAt: string;
  owningOrganisation: IdOnly;
  productVariant: () => VariantView;
}

export interface VariantView {
  id: string;
  platformProvidedId: string;
  sku: string | null;
  barcode: string | null;
  displayName: string | null;
  currentPrice: number;
  originalPrice: number;
  isInStock: () => boolean;
  availableToPurchase: boolean;
  inventoryPolicy: string | null;
  position: number | null;
  editable: boolean;
  fullTextSearchLanguage: null;
  attributes: KeyValue[];
  createdAt: string;
  updatedAt: string;
  owningOrganisation: IdOnly;
  metadata: () => MetadataView[];
  metaimages: () => MetaimageView[];
  product: () => ProductView | null;
  stockLevels: () => StockLevelView[];
}

export interface StockLevelView {
  id: string;
  isInStock: boolean;
  createdAt: string;
  updatedAt: string;
  owningOrganisation: IdOnly;
  location: () => LocationView | null;
  productVariant: () => VariantView | null;
}

export interface LocationView {
  id: string;
  platformProvidedId: string;
  displayName: string;
  address: string;
  countryCode: string;
  fulfillsOnlineOrders: boolean;
  deviceCount: number;
  deviceCountInternal: number;
  devices: IdOnly[];
  salesAssistants: IdOnly[];
  createdAt: string;
  updatedAt: string;
  owningOrganisation: IdOnly;
  metadata: () => MetadataView[];
  stockLevels: () => StockLevelView[];
}

export interface OrderLineView {
  id: string;
  productVariantId: string;
  productId: string;
  productName: string;
  productVariantName: string;
  platformProvidedId: null;
  platformProvidedProductId: string | null;
  platformProvidedProductVariantId: string | null;
  quantity: number;
  price: number;
  priceGBP: number;
  priceEUR: number;
  priceUSD: number;
  currencyCode: string;
  customAttributes: KeyValue[];
  createdAt: string;
  updatedAt: string;
  order: () => OrderView;
}

export interface OrderView {
  id: string;
  status: string;
  thirdPartyId: string | null;
  discountCode: string | null;
  session: IdOnly | null;
  createdAt: string;
  updatedAt: string;
  owningOrganisation: IdOnly;
  lines: () => OrderLineView[];
}

type Owner =
  | { kind: 'product'; key: string }
  | { kind: 'variant'; key: string }
  | { kind: 'location'; key: string };

export class Views {
  constructor(private readonly state: CloudshelfState) {}

  product = (p: ProductRecord): ProductView => ({
    id: p.id,
    platformProvidedId: p.platformProvidedId,
    displayName: p.displayName,
    handle: p.handle,
    description: p.description,
    productType: p.productType,
    vendor: p.vendor,
    tags: [...p.tags],
    fullTextSearchLanguage: null,
    remoteUpdatedAt: p.remoteUpdatedAt === null ? null : iso(p.remoteUpdatedAt),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
    owningOrganisation: organisation,
    productGroups: [],
    metadata: () => p.metadata.map((m) => this.metadata(m, { kind: 'product', key: p.platformProvidedId })),
    productVariants: () => this.state.variantsOfProduct(p.platformProvidedId).map(this.variant),
  });

  variant = (v: VariantRecord): VariantView => ({
    id: v.id,
    platformProvidedId: v.platformProvidedId,
    sku: v.sku,
    barcode: v.barcode,
    displayName: v.displayName,
    currentPrice: v.currentPrice,
    originalPrice: v.originalPrice,
    isInStock: () => this.state.isVariantInStock(v),
    availableToPurchase: v.availableToPurchase,
    inventoryPolicy: v.inventoryPolicy,
    position: v.position,
    editable: true,
    fullTextSearchLanguage: null,
    attributes: v.attributes.map((a) => ({ ...a })),
    createdAt: iso(v.createdAt),
    updatedAt: iso(v.updatedAt),
    owningOrganisation: organisation,
    metadata: () => v.metadata.map((m) => this.metadata(m, { kind: 'variant', key: v.platformProvidedId })),
    metaimages: () => v.metaimages.map((m) => this.metaimage(m, v)),
    product: () => this.optional(this.state.products.get(v.productId), this.product),
    stockLevels: () => this.state.stockLevelsOfVariant(v.platformProvidedId).map(this.stockLevel),
  });

  stockLevel = (s: StockLevelRecord): StockLevelView => ({
    id: s.id,
    isInStock: this.state.isStockLevelInStock(s),
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
    owningOrganisation: organisation,
    location: () => this.optional(this.state.locations.get(s.locationId), this.location),
    productVariant: () => this.optional(this.state.variants.get(s.productVariantId), this.variant),
  });

  location = (l: LocationRecord): LocationView => ({
    id: l.id,
    platformProvidedId: l.platformProvidedId,
    displayName: l.displayName,
    address: l.address,
    countryCode: l.countryCode,
    fulfillsOnlineOrders: l.fulfillsOnlineOrders,
    deviceCount: 0,
    deviceCountInternal: 0,
    devices: [],
    salesAssistants: [],
    createdAt: iso(l.createdAt),
    updatedAt: iso(l.updatedAt),
    owningOrganisation: organisation,
    metadata: () => l.metadata.map((m) => this.metadata(m, { kind: 'location', key: l.platformProvidedId })),
    stockLevels: () => this.state.stockLevelsAtLocation(l.platformProvidedId).map(this.stockLevel),
  });

  order = (o: OrderRecord): OrderView => {
    const view: OrderView = {
      id: o.id,
      status: o.status,
      thirdPartyId: o.thirdPartyId,
      discountCode: o.discountCode,
      session: o.sessionId === null ? null : { id: o.sessionId },
      createdAt: iso(o.createdAt),
      updatedAt: iso(o.updatedAt),
      owningOrganisation: organisation,
      lines: () => o.lines.map((line) => this.orderLine(line, view)),
    };
    return view;
  };

  private orderLine(line: OrderLineRecord, order: OrderView): OrderLineView {
    return {
      id: line.id,
      productVariantId: line.productVariantId,
      productId: line.productId,
      productName: line.productName,
      productVariantName: line.productVariantName,
      platformProvidedId: null,
      platformProvidedProductId: line.platformProvidedProductId,
      platformProvidedProductVariantId: line.platformProvidedProductVariantId,
      quantity: line.quantity,
      price: line.price,
      priceGBP: convertPrice(line.price, line.currencyCode, 'GBP'),
      priceEUR: convertPrice(line.price, line.currencyCode, 'EUR'),
      priceUSD: convertPrice(line.price, line.currencyCode, 'USD'),
      currencyCode: line.currencyCode,
      customAttributes: line.customAttributes.map((a) => ({ ...a })),
      createdAt: iso(line.createdAt),
      updatedAt: iso(line.updatedAt),
      order: () => order,
    };
  }

  private metadata(m: MetadataRecord, owner: Owner): MetadataView {
    return {
      id: m.id,
      platformProvidedId: m.platformProvidedId,
      namespace: m.namespace,
      key: m.key,
      data: m.data,
      createdAt: iso(m.createdAt),
      updatedAt: iso(m.updatedAt),
      owningOrganisation: organisation,
      location: () => (owner.kind === 'location' ? this.optional(this.state.locations.get(owner.key), this.location) : null),
      product: () => (owner.kind === 'product' ? this.optional(this.state.products.get(owner.key), this.product) : null),
      productVariant: () => (owner.kind === 'variant' ? this.optional(this.state.variants.get(owner.key), this.variant) : null),
      productGroup: null,
      user: null,
    };
  }

  private metaimage(m: MetaimageRecord, v: VariantRecord): MetaimageView {
    return {
      id: m.id,
      url: m.url,
      originalUrl: m.url,
      preferredImage: m.preferredImage,
      available: true,
      height: null,
      width: null,
      orientation: null,
      quality: null,
      productGroup: null,
      createdAt: iso(m.createdAt),
      updatedAt: iso(m.updatedAt),
      owningOrganisation: organisation,
      productVariant: () => this.variant(v),
    };
  }

  private optional<R, V>(record: R | undefined, view: (r: R) => V): V | null {
    return record === undefined ? null : view(record);
  }
}

// Fixed rates for the priceGBP/EUR/USD fields (Cloudshelf converts at its own, unpublished rates).
// Other currencies are reported unconverted.
const GBP_PER_UNIT: Readonly<Record<string, number>> = { GBP: 1, EUR: 0.85, USD: 0.79 };

export function convertPrice(price: number, from: string, to: 'GBP' | 'EUR' | 'USD'): number {
  if (from === to) return price;
  const fromRate = GBP_PER_UNIT[from];
  const toRate = GBP_PER_UNIT[to];
  if (fromRate === undefined || toRate === undefined) return price;
  return Math.round((price * fromRate * 100) / toRate) / 100;
}
