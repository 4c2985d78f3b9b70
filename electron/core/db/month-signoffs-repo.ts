import { z } from 'zod';
import type { Db } from './connection.js';

export interface StoredSignOff {
  id: number;
  month: string;
  by: string;
  note: string | null;
  versions: Record<string, number>;
  at: number;
}

const versionsSchema = z.record(z.string(), z.number().int().positive());

/** Month sign-offs (migration 0130), append-only: the latest one of a month is the one that counts. */
export class MonthSignOffsRepo {
  constructor(private readonly db: Db) {}

  add(s: Omit<StoredSignOff, 'id'>): StoredSignOff {
    const id = this.db
      .prepare('INSERT INTO month_signoffs (month, signed_by, note, versions, signed_at) VALUES (?, ?, ?, ?, ?)')
      .run(s.month, s.by, s.note, JSON.stringify(s.versions), s.at).lastInsertRowid;
    return { ...s, id: Number(id) };
  }

  latest(month: string): StoredSignOff | undefined {
    const r = this.db
      .prepare<[string], { id: number; month: string; signed_by: string; note: string | null; versions: string; signed_at: number }>(
        'SELECT * FROM month_signoffs WHERE month = ? ORDER BY id DESC LIMIT 1',
      )
      .get(month);
    return r && { id: r.id, month: r.month, by: r.signed_by, note: r.note, versions: versionsSchema.parse(JSON.parse(r.versions)), at: r.signed_at };
  }
}
