import type { Db } from './connection.js';

export interface AlertRow {
  id: number;
  key: string;
  title: string;
  body: string;
  openedAt: number;
  resolvedAt: number | null;
}

interface Raw { id: number; key: string; title: string; body: string; opened_at: number; resolved_at: number | null }
const fromRaw = (r: Raw): AlertRow => ({ id: r.id, key: r.key, title: r.title, body: r.body, openedAt: r.opened_at, resolvedAt: r.resolved_at });

/** Every read and write of the alerts table (the history the window shows). */
export class AlertsRepo {
  constructor(private readonly db: Db) {}

  open(key: string, title: string, body: string, now: number): number {
    return Number(this.db.prepare('INSERT INTO alerts (key, title, body, opened_at) VALUES (?, ?, ?, ?)').run(key, title, body, now).lastInsertRowid);
  }

  /** The open alert with this key, closed now; its id, or null if none was open. */
  resolve(key: string, now: number): number | null {
    const row = this.db.prepare<[string], { id: number }>('SELECT id FROM alerts WHERE key = ? AND resolved_at IS NULL').get(key);
    if (!row) return null;
    this.db.prepare('UPDATE alerts SET resolved_at = ? WHERE id = ?').run(now, row.id);
    return row.id;
  }

  openAlerts(): AlertRow[] {
    return this.db.prepare<[], Raw>('SELECT * FROM alerts WHERE resolved_at IS NULL ORDER BY id').all().map(fromRaw);
  }

  get(id: number): AlertRow | undefined {
    const r = this.db.prepare<[number], Raw>('SELECT * FROM alerts WHERE id = ?').get(id);
    return r && fromRaw(r);
  }

  recent(limit: number): AlertRow[] {
    return this.db.prepare<[number], Raw>('SELECT * FROM alerts ORDER BY id DESC LIMIT ?').all(limit).map(fromRaw);
  }
}
