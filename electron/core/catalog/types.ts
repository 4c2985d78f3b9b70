/** A product of the master (Stok.ly), as the store holds it. Money in minor units. */
export interface CatalogProduct {
  itemId: string;
  sku: string;
  name: string;
  barcodes: string[];
  /** Price the kiosk shows, including tax; null when the tax class has no configured rate. */
  price: number | null;
  currency: string;
  taxClassId: string | null;
  /** Tax rate in percent for taxClassId, when configured. */
  taxRatePercent: number | null;
  active: boolean;
  /** 0 simple, 2 variable parent (holds no stock; its children are the variants). */
  format: number;
  parentId: string | null;
  /** Stok.ly's timeUpdated. */
  updatedAt: string | null;
}

export interface CatalogReader {
  /** Every product, parents included, ordered by itemId. */
  all(): CatalogProduct[];
  bySku(sku: string): CatalogProduct | undefined;
  byItemId(itemId: string): CatalogProduct | undefined;
}

/** Available-to-sell for one SKU, exactly as the kiosk contract defines it. */
export interface Availability {
  sku: string;
  itemId: string | null;
  known: boolean;
  available: number;
  onHand: number;
  pendingSales: number;
  buffer: number;
  lastSyncedAt: string | null;
  stale: boolean;
  /** Endless aisle (contract 1.1): only when warehouse locations are configured. */
  elsewhere?: { available: number; lastSyncedAt: string | null; stale: boolean };
}

export interface StockReader {
  /** Availability of every known stock-holding product. */
  all(): Availability[];
  forSkus(skus: readonly string[]): Availability[];
}
