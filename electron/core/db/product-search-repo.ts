import type { ProductHit } from '../../../shared/window-api.js';
import type { Db } from './connection.js';
import { productFields, type ProductFieldsRow } from './product-row.js';

type HitRow = ProductFieldsRow & { on_hand: number | null };

const columns = `p.item_id, p.sku, p.name, p.barcodes, p.price, p.currency, p.active, s.on_hand
  FROM products p LEFT JOIN stock_levels s ON s.item_id = p.item_id`;

/** The trigram index needs three characters; shorter words only narrow nothing. */
const minWord = 3;

/** An FTS5 query matching every word of `text` anywhere (each word quoted, so it is never syntax). */
function matchQuery(words: readonly string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
}

const toHit = (r: HitRow): ProductHit => ({ ...productFields(r), onHand: r.on_hand });

/**
 * The product master searched, while a person types, by any part of the SKU, name or barcode (the
 * migration 0140 trigram index), exact SKU first, active before inactive, then best match.
 * Under three characters, SKUs starting with the text (the SKU index).
 */
export class ProductSearchRepo {
  private readonly matchStmt;
  private readonly prefixStmt;
  private readonly currencyStmt;

  constructor(db: Db) {
    this.matchStmt = db.prepare<{ match: string; exact: string; limit: number; offset: number }, HitRow>(
      `SELECT ${columns}
         JOIN (SELECT item_id, rank FROM product_search WHERE product_search MATCH @match) m ON m.item_id = p.item_id
        ORDER BY (p.sku = @exact COLLATE NOCASE) DESC, p.active DESC, m.rank, p.sku
        LIMIT @limit OFFSET @offset`,
    );
    this.prefixStmt = db.prepare<{ from: string; to: string; limit: number; offset: number }, HitRow>(
      `SELECT ${columns} WHERE p.sku >= @from AND p.sku < @to ORDER BY p.active DESC, p.sku LIMIT @limit OFFSET @offset`,
    );
    this.currencyStmt = db.prepare<[], { currency: string }>("SELECT currency FROM products WHERE active = 1 AND currency != '' LIMIT 1");
  }

  /** The currency the store's products are priced in; null before the first catalogue pull. */
  currency(): string | null {
    return this.currencyStmt.get()?.currency ?? null;
  }

  /** One page of hits; `more` when another page follows. */
  search(text: string, limit: number, offset: number): { items: ProductHit[]; more: boolean } {
    const trimmed = text.trim();
    const words = trimmed.split(/\s+/).filter((w) => w.length >= minWord);
    const rows = words.length > 0
      ? this.matchStmt.all({ match: matchQuery(words), exact: trimmed, limit: limit + 1, offset })
      : this.prefixStmt.all({ from: trimmed.toUpperCase(), to: `${trimmed.toUpperCase()}\u{10FFFF}`, limit: limit + 1, offset });
    return { items: rows.slice(0, limit).map(toHit), more: rows.length > limit };
  }
}
