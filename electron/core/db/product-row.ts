import type { CatalogProduct } from '../catalog/types.js';

/** A `products` row as stored (owned by CatalogRepo; read by the product search too). */
export interface ProductRow {
  item_id: string;
  sku: string;
  name: string;
  barcodes: string;
  price: number | null;
  currency: string;
  tax_class_id: string | null;
  tax_rate_percent: number | null;
  active: number;
  format: number;
  parent_id: string | null;
  updated_at: string | null;
}

/** The columns every view of a product reads. */
export type ProductFieldsRow = Pick<ProductRow, 'item_id' | 'sku' | 'name' | 'barcodes' | 'price' | 'currency' | 'active'>;

export type ProductFields = Pick<CatalogProduct, 'itemId' | 'sku' | 'name' | 'barcodes' | 'price' | 'currency' | 'active'>;

/** Mapped in one place: barcodes are stored as JSON, `active` as 0/1. */
export function productFields(r: ProductFieldsRow): ProductFields {
  return {
    itemId: r.item_id, sku: r.sku, name: r.name, barcodes: JSON.parse(r.barcodes) as string[], price: r.price,
    currency: r.currency, active: r.active === 1,
  };
}

export function catalogProduct(r: ProductRow): CatalogProduct {
  return {
    ...productFields(r), taxClassId: r.tax_class_id, taxRatePercent: r.tax_rate_percent,
    format: r.format, parentId: r.parent_id, updatedAt: r.updated_at,
  };
}
