import type { KioskDocument } from '../../api/schemas.js';

/**
 * The SKUs of the document that the agent's explanation names ("Stok.ly has no item with SKU
 * NEW-1"), in line order; the first one prefills "Map SKU".
 */
export function problemSkus(detail: string, document: KioskDocument | null): string[] {
  if (!document) return [];
  const skus = [...new Set(document.lines.map((l) => l.sku))];
  const words = new Set(detail.split(/[\s,;:()'"]+/).filter(Boolean));
  return skus.filter((sku) => words.has(sku) || detail.includes(sku));
}
