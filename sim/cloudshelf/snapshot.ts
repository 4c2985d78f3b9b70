import type { CloudshelfState, KeyValue, OrderStatus } from './state.js';
import { iso } from './views.js';

/**
 * A plain-JSON picture of the sandbox (`GET /__sandbox/state`). References use the caller's
 * external gids (`platformProvidedId`); `id` is Cloudshelf's internal gid. Unlike the GraphQL
 * schema, it shows stock quantities.
 */
export interface CloudshelfSnapshot {
  safetyStock: number;
  products: {
    id: string;
    platformProvidedId: string;
    displayName: string;
    handle: string;
    description: string | null;
    productType: string | null;
    vendor: string | null;
    tags: string[];
    createdAt: string;
    updatedAt: string;
  }[];
  variants: {
    id: string;
    platformProvidedId: string;
    productId: string;
    sku: string | null;
    barcode: string | null;
    displayName: string | null;
    currentPrice: number;
    originalPrice: number;
    availableToPurchase: boolean;
    inventoryPolicy: string | null;
    position: number | null;
    /** As Cloudshelf reports it (from stock levels once any exist). */
    isInStock: boolean;
    /** The flag last sent with the variant. */
    isInStockAsSent: boolean;
    stock: { locationId: string; quantity: number; isInStock: boolean }[];
    createdAt: string;
    updatedAt: string;
  }[];
  locations: {
    id: string;
    platformProvidedId: string;
    displayName: string;
    address: string;
    countryCode: string;
    fulfillsOnlineOrders: boolean;
    createdAt: string;
    updatedAt: string;
  }[];
  stockLevels: {
    id: string;
    locationId: string;
    productVariantId: string;
    quantity: number;
    isInStock: boolean;
    createdAt: string;
    updatedAt: string;
  }[];
  orders: {
    id: string;
    status: OrderStatus;
    thirdPartyId: string | null;
    discountCode: string | null;
    sessionId: string | null;
    lines: {
      id: string;
      productVariantId: string;
      platformProvidedProductVariantId: string | null;
      productId: string;
      platformProvidedProductId: string | null;
      productName: string;
      productVariantName: string;
      quantity: number;
      price: number;
      currencyCode: string;
      customAttributes: KeyValue[];
    }[];
    createdAt: string;
    updatedAt: string;
  }[];
}

export function snapshotOf(state: CloudshelfState): CloudshelfSnapshot {
  return {
    safetyStock: state.safetyStock,
    products: [...state.products.values()].map((p) => ({
      id: p.id,
      platformProvidedId: p.platformProvidedId,
      displayName: p.displayName,
      handle: p.handle,
      description: p.description,
      productType: p.productType,
      vendor: p.vendor,
      tags: [...p.tags],
      createdAt: iso(p.createdAt),
      updatedAt: iso(p.updatedAt),
    })),
    variants: [...state.variants.values()].map((v) => ({
      id: v.id,
      platformProvidedId: v.platformProvidedId,
      productId: v.productId,
      sku: v.sku,
      barcode: v.barcode,
      displayName: v.displayName,
      currentPrice: v.currentPrice,
      originalPrice: v.originalPrice,
      availableToPurchase: v.availableToPurchase,
      inventoryPolicy: v.inventoryPolicy,
      position: v.position,
      isInStock: state.isVariantInStock(v),
      isInStockAsSent: v.isInStock,
      stock: state.stockLevelsOfVariant(v.platformProvidedId).map((s) => ({
        locationId: s.locationId,
        quantity: s.quantity,
        isInStock: state.isStockLevelInStock(s),
      })),
      createdAt: iso(v.createdAt),
      updatedAt: iso(v.updatedAt),
    })),
    locations: [...state.locations.values()].map((l) => ({
      id: l.id,
      platformProvidedId: l.platformProvidedId,
      displayName: l.displayName,
      address: l.address,
      countryCode: l.countryCode,
      fulfillsOnlineOrders: l.fulfillsOnlineOrders,
      createdAt: iso(l.createdAt),
      updatedAt: iso(l.updatedAt),
    })),
    stockLevels: [...state.stockLevels.values()].map((s) => ({
      id: s.id,
      locationId: s.locationId,
      productVariantId: s.productVariantId,
      quantity: s.quantity,
      isInStock: state.isStockLevelInStock(s),
      createdAt: iso(s.createdAt),
      updatedAt: iso(s.updatedAt),
    })),
    orders: [...state.orders.values()].map((o) => ({
      id: o.id,
      status: o.status,
      thirdPartyId: o.thirdPartyId,
      discountCode: o.discountCode,
      sessionId: o.sessionId,
      lines: o.lines.map((l) => ({
        id: l.id,
        productVariantId: l.productVariantId,
        platformProvidedProductVariantId: l.platformProvidedProductVariantId,
        productId: l.productId,
        platformProvidedProductId: l.platformProvidedProductId,
        productName: l.productName,
        productVariantName: l.productVariantName,
        quantity: l.quantity,
        price: l.price,
        currencyCode: l.currencyCode,
        customAttributes: l.customAttributes.map((a) => ({ ...a })),
      })),
      createdAt: iso(o.createdAt),
      updatedAt: iso(o.updatedAt),
    })),
  };
}
