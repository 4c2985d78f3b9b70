import { outboxStatusSchema } from '../../shared/admin-api.js';
import { outboxStatusWords } from '../../shared/words/outbox-status.js';

/** What an audit entry changed, in words (what was done is `auditActionWord`, shared/words/audit-actions.ts). */

/** The fields exception actions record, as people call them. */
const fieldWords: Record<string, string> = {
  status: 'State',
  sku: 'SKU',
  itemId: 'Stok.ly item',
  tender: 'Tender',
  method: 'Stok.ly payment method',
  ledger: 'Ledger label',
  reason: 'Reason',
  delivery: 'Delivery address',
  remoteId: 'Stok.ly order',
};

/** An exception's own states beside the outbox's. */
const exceptionStateWords: Record<string, string> = { open: 'Open', resolved: 'Resolved' };

function showField(key: string, value: unknown): string {
  if (key === 'status' && typeof value === 'string') {
    const outbox = outboxStatusSchema.safeParse(value);
    return outbox.success ? outboxStatusWords[outbox.data] : exceptionStateWords[value] ?? value.replace(/_/g, ' ');
  }
  return show(value);
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "State: Exception → Waiting; Stok.ly item: — → ITEM-7"; empty when nothing is recorded. */
export function describeChange(before: unknown, after: unknown): string {
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys
      .filter((k) => show(b[k]) !== show(a[k]))
      .map((k) => {
        const name = fieldWords[k] ?? k;
        return k in b ? `${name}: ${showField(k, b[k])} → ${showField(k, a[k])}` : `${name}: ${showField(k, a[k])}`;
      })
      .join('; ');
  }
  if (before === null && after === null) return '';
  if (before === undefined && after === undefined) return '';
  return `${show(before)} → ${show(after)}`;
}
