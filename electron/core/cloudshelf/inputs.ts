/** The Cloudshelf input types the agent sends (a subset of the schema's fields). */

export interface LocationInput {
  id: string;
  displayName: string;
}

export interface ProductInput {
  id: string;
  displayName: string;
}

export interface ProductVariantInput {
  id: string;
  sku: string;
  barcode: string | null;
  displayName: string | null;
  currentPrice: number;
  originalPrice: number;
  isInStock: boolean;
  availableToPurchase: boolean;
  inventoryPolicy: string;
}

export interface UpsertVariantsInput {
  productId: string;
  variants: ProductVariantInput[];
}

export interface StockLevelInput {
  locationId: string;
  productVariantId: string;
  quantity: number;
}
