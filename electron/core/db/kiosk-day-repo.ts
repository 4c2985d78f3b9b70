import type { Db } from './connection.js';
import { addDays, dayOf, type DayWindow } from '../reconcile/trading-day.js';

/** Where a kiosk transaction stands on its way to Stok.ly, from its outbox row. */
export type KioskState = 'posted' | 'pending' | 'exception' | 'voided' | 'not_queued';

export interface KioskTxn {
  kind: 'sale' | 'refund';
  id: string;
  occurredAt: string;
  receivedAt: string;
  currency: string;
  payments: Array<{ tender: string; amount: number }>;
  state: KioskState;
  /** Exception or void reason, for the explaining line. */
  stateDetail: string | null;
}

interface Row {
  id: string;
  occurred_at: string;
  received_at: string;
  currency: string;
  status: string | null;
  exception_reason: string | null;
  void_reason: string | null;
  blocked: number;
}

/**
 * `occurred_at` is the kiosk's own text with its offset, so a text range cannot select a day
 * exactly; it can select a superset (local dates within ±2 days) using the index, which is then
 * cut to the window by the instant.
 */
function textRange(window: DayWindow): [string, string] {
  return [addDays(window.day, -2), addDays(window.day, 3)];
}

const TABLES = {
  sale: { docs: 'sales', id: 'sale_id', payments: 'sale_payments', extra: 'AND d.duplicate_of IS NULL' },
  refund: { docs: 'refunds', id: 'refund_id', payments: 'refund_payments', extra: '' },
} as const;

function stateOf(r: Row): KioskState {
  switch (r.status) {
    case null: return 'not_queued';
    case 'done': return 'posted';
    case 'voided': return 'voided';
    case 'exception': return 'exception';
    default: return r.blocked ? 'exception' : 'pending';
  }
}

function readKind(db: Db, kind: 'sale' | 'refund', window: DayWindow): KioskTxn[] {
  const t = TABLES[kind];
  const [from, to] = textRange(window);
  // An open blocking exception means the row waits for a person even if the outbox says pending.
  // A fixed order keeps two builds of the same data byte-identical (one version, not two).
  const rows = db.prepare<[string, string], Row>(
    `SELECT d.${t.id} AS id, d.occurred_at, d.received_at, d.currency,
            o.status, o.exception_reason, o.void_reason,
            EXISTS (SELECT 1 FROM exceptions e WHERE e.subject_kind = '${kind}' AND e.subject_ref = d.${t.id}
                      AND e.status = 'open' AND e.blocking = 1) AS blocked
       FROM ${t.docs} d LEFT JOIN outbox o ON o.kind = '${kind}' AND o.ref = d.${t.id}
      WHERE d.occurred_at >= ? AND d.occurred_at < ? ${t.extra}
      ORDER BY d.${t.id}`,
  ).all(from, to);
  const inDay = rows.filter((r) => {
    const at = Date.parse(r.occurred_at);
    return at >= window.start && at < window.end;
  });
  if (inDay.length === 0) return [];
  const payments = db.prepare<[string, string], { id: string; tender: string; amount: number }>(
    `SELECT p.${t.id} AS id, p.tender, p.amount FROM ${t.payments} p JOIN ${t.docs} d ON d.${t.id} = p.${t.id}
      WHERE d.occurred_at >= ? AND d.occurred_at < ? ORDER BY p.${t.id}, p.idx`,
  ).all(from, to);
  const byId = new Map<string, Array<{ tender: string; amount: number }>>();
  for (const p of payments) {
    const list = byId.get(p.id) ?? [];
    list.push({ tender: p.tender, amount: p.amount });
    byId.set(p.id, list);
  }
  return inDay.map((r) => {
    const state = stateOf(r);
    return {
      kind, id: r.id, occurredAt: r.occurred_at, receivedAt: r.received_at, currency: r.currency,
      payments: byId.get(r.id) ?? [],
      state,
      stateDetail: state === 'exception' ? r.exception_reason : state === 'voided' ? r.void_reason : null,
    };
  });
}

/** The day's sales (duplicates excluded: they are never posted) and refunds, with their state. */
export function readKioskDay(db: Db, window: DayWindow): KioskTxn[] {
  return [...readKind(db, 'sale', window), ...readKind(db, 'refund', window)];
}

/** A transaction Stok.ly names but this day does not have: which day it is on, and whether it is a duplicate. */
export function findKioskTxn(db: Db, kind: 'sale' | 'refund', id: string, timeZone: string): { day: string; duplicateOf: string | null } | undefined {
  const row = kind === 'sale'
    ? db.prepare<[string], { occurred_at: string; duplicate_of: string | null }>('SELECT occurred_at, duplicate_of FROM sales WHERE sale_id = ?').get(id)
    : db.prepare<[string], { occurred_at: string; duplicate_of: null }>('SELECT occurred_at, NULL AS duplicate_of FROM refunds WHERE refund_id = ?').get(id);
  return row && { day: dayOf(Date.parse(row.occurred_at), timeZone), duplicateOf: row.duplicate_of };
}

/** Whether any sale or refund occurred on the day (so a day the agent was off for still gets a report). */
export function hasKioskActivity(db: Db, window: DayWindow): boolean {
  return readKioskDay(db, window).length > 0;
}

/**
 * Days that received a sale or refund after `since` (ISO time), with the latest receipt of each:
 * a late arrival re-opens its day.
 */
export function receivedSince(db: Db, since: string, timeZone: string): Map<string, string> {
  const rows = db.prepare<[string, string], { occurred_at: string; received_at: string }>(
    `SELECT occurred_at, received_at FROM sales WHERE received_at > ? AND duplicate_of IS NULL
     UNION ALL SELECT occurred_at, received_at FROM refunds WHERE received_at > ?`,
  ).all(since, since);
  const out = new Map<string, string>();
  for (const r of rows) {
    const day = dayOf(Date.parse(r.occurred_at), timeZone);
    const prev = out.get(day);
    if (prev === undefined || r.received_at > prev) out.set(day, r.received_at);
  }
  return out;
}
