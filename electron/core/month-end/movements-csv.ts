import { stringify } from 'csv-stringify/sync';
import type { MovementList } from '../../../shared/month-end.js';
import { safeText } from '../reconcile/csv.js';

/** Stock movements as a CSV Excel opens cleanly (UTF-8 with BOM, CRLF), one row per SKU. */
export function movementsToCsv(list: MovementList): string {
  const records = list.items.map((i) => [safeText(i.sku), safeText(i.name), String(i.net), String(i.count), String(i.largest), i.lastAt, list.from, list.to]);
  return stringify(records, {
    bom: true, record_delimiter: 'windows', header: true,
    columns: ['sku', 'name', 'net_units', 'movements', 'largest', 'last_at', 'from', 'to'],
  });
}
