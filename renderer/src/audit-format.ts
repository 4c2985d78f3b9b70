/** Audit entries in words: what was done, and what changed. */

const actionWords: Record<string, string> = {
  retry: 'Retried',
  map_sku_sale: 'Mapped a SKU for this sale',
  map_sku_standing: 'Mapped a SKU for all future sales',
  map_tender: 'Mapped a tender',
  void: 'Voided',
  note: 'Added a note',
  acknowledge: 'Acknowledged',
  resolved: 'Resolved',
  flag_acknowledged: 'Acknowledged a stock flag',
  set_delivery: 'Entered the delivery address',
};

export function actionWord(action: string): string {
  return actionWords[action] ?? action.replace(/_/g, ' ');
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "status: exception → pending; itemId: — → ITEM-7"; empty when nothing is recorded. */
export function describeChange(before: unknown, after: unknown): string {
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys
      .filter((k) => show(b[k]) !== show(a[k]))
      .map((k) => (k in b ? `${k}: ${show(b[k])} → ${show(a[k])}` : `${k}: ${show(a[k])}`))
      .join('; ');
  }
  if (before === null && after === null) return '';
  if (before === undefined && after === undefined) return '';
  return `${show(before)} → ${show(after)}`;
}
