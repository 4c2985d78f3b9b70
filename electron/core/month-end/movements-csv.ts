import type { MovementList } from '../../../shared/month-end.js';
import { excelCsv } from '../reconcile/csv.js';

const COLUMNS = ['sku', 'name', 'net_units', 'movements', 'largest', 'last_at', 'from', 'to'] as const;

/** Stock movements as a CSV Excel opens cleanly (UTF-8 with BOM, CRLF), one row per SKU. */
export function movementsToCsv(list: MovementList): string {
  const rows = list.items.map((i) => ({
    sku: i.sku, name: i.name, net_units: String(i.net), movements: String(i.count), largest: String(i.largest), last_at: i.lastAt, from: list.from, to: list.to,
  }));
  return excelCsv(COLUMNS, rows, ['sku', 'name']);
}
