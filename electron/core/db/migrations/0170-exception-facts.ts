import type { Migration } from '../migration.js';

/** The one shape older versions wrote a price review's detail in: "SKU: kiosk charged 2500, Stok.ly price is 7200 (GBP minor units, incl. tax)". */
const legacyPriceDetail = /^(.+): kiosk charged (-?\d+), Stok\.ly price is (-?\d+) \(([A-Z]{3}) minor units/;

/**
 * `exceptions.facts`: an item's figures as JSON (a price review's SKU, both prices in minor units
 * and the currency), so the window says them as money instead of showing the agent's log words.
 * Price reviews stored before this get their figures read once from the detail older versions
 * wrote; a detail in any other shape keeps no figures and is shown as it was.
 */
export const migration0170: Migration = {
  version: 170,
  name: 'exception-facts',
  up(db) {
    db.exec('ALTER TABLE exceptions ADD COLUMN facts TEXT');
    const rows = db.prepare<[], { id: number; detail: string }>(`SELECT id, detail FROM exceptions WHERE reason = 'price_mismatch'`).all();
    const write = db.prepare<[string, number]>('UPDATE exceptions SET facts = ? WHERE id = ?');
    for (const row of rows) {
      const m = legacyPriceDetail.exec(row.detail);
      if (!m) continue;
      write.run(JSON.stringify({ sku: m[1], kioskPrice: Number(m[2]), stoklyPrice: Number(m[3]), currency: m[4] }), row.id);
    }
  },
};
