import type { ExceptionStatus, SubjectKind } from '../../../shared/admin-api.js';
import type { Db } from './connection.js';

export type { ExceptionStatus, SubjectKind };

export interface ExceptionRow {
  id: number;
  subjectKind: SubjectKind;
  subjectRef: string;
  outboxId: number | null;
  reason: string;
  detail: string;
  blocking: boolean;
  status: ExceptionStatus;
  createdAt: number;
  updatedAt: number;
  resolvedAt: number | null;
  resolvedBy: string | null;
  resolution: string | null;
  /** The item's figures as JSON (a price review's prices), or null; read through its reason's schema. */
  facts: string | null;
}

interface Raw {
  id: number;
  subject_kind: SubjectKind;
  subject_ref: string;
  outbox_id: number | null;
  reason: string;
  detail: string;
  blocking: number;
  status: ExceptionStatus;
  created_at: number;
  updated_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
  resolution: string | null;
  facts: string | null;
}

const fromRaw = (r: Raw): ExceptionRow => ({
  id: r.id, subjectKind: r.subject_kind, subjectRef: r.subject_ref, outboxId: r.outbox_id, reason: r.reason, detail: r.detail,
  blocking: r.blocking === 1, status: r.status, createdAt: r.created_at, updatedAt: r.updated_at,
  resolvedAt: r.resolved_at, resolvedBy: r.resolved_by, resolution: r.resolution, facts: r.facts,
});

/** Work items for a named person: one open item per subject and reason. */
export class ExceptionsRepo {
  constructor(private readonly db: Db) {}

  /** Opens the item, or refreshes the detail of the one already open. Returns its id. */
  open(e: { subjectKind: SubjectKind; subjectRef: string; outboxId: number | null; reason: string; detail: string; blocking: boolean; now: number; facts?: string | null }): number {
    const existing = this.db
      .prepare<[string, string, string], { id: number }>(`SELECT id FROM exceptions WHERE subject_kind = ? AND subject_ref = ? AND reason = ? AND status = 'open'`)
      .get(e.subjectKind, e.subjectRef, e.reason);
    if (existing) {
      this.db.prepare('UPDATE exceptions SET detail = ?, facts = ?, updated_at = ? WHERE id = ?').run(e.detail, e.facts ?? null, e.now, existing.id);
      return existing.id;
    }
    return Number(this.db
      .prepare(`INSERT INTO exceptions (subject_kind, subject_ref, outbox_id, reason, detail, blocking, status, created_at, updated_at, facts)
                VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`)
      .run(e.subjectKind, e.subjectRef, e.outboxId, e.reason, e.detail, e.blocking ? 1 : 0, e.now, e.now, e.facts ?? null).lastInsertRowid);
  }

  /** Closes every open item of a subject (blocking ones only, unless told otherwise). */
  close(subjectKind: SubjectKind, subjectRef: string, status: 'resolved' | 'voided', by: string, resolution: string, now: number, onlyBlocking = true): number {
    return this.db
      .prepare(`UPDATE exceptions SET status = ?, resolved_at = ?, resolved_by = ?, resolution = ?, updated_at = ?
                WHERE subject_kind = ? AND subject_ref = ? AND status = 'open' ${onlyBlocking ? 'AND blocking = 1' : ''}`)
      .run(status, now, by, resolution, now, subjectKind, subjectRef).changes;
  }

  closeOne(id: number, status: 'resolved' | 'voided', by: string, resolution: string, now: number): boolean {
    return this.db
      .prepare(`UPDATE exceptions SET status = ?, resolved_at = ?, resolved_by = ?, resolution = ?, updated_at = ? WHERE id = ? AND status = 'open'`)
      .run(status, now, by, resolution, now, id).changes === 1;
  }

  get(id: number): ExceptionRow | undefined {
    const r = this.db.prepare<[number], Raw>('SELECT * FROM exceptions WHERE id = ?').get(id);
    return r && fromRaw(r);
  }

  list(q: { status?: ExceptionStatus | undefined; limit: number; offset: number }): ExceptionRow[] {
    const where = q.status ? 'WHERE status = @status' : '';
    return this.db
      .prepare<Record<string, unknown>, Raw>(`SELECT * FROM exceptions ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all({ status: q.status, limit: q.limit, offset: q.offset })
      .map(fromRaw);
  }

  /** The other open items of a subject that hold it back (blocking), oldest first. */
  openBlockingFor(subjectKind: SubjectKind, subjectRef: string, exceptId: number): ExceptionRow[] {
    return this.db
      .prepare<[string, string, number], Raw>(`SELECT * FROM exceptions WHERE subject_kind = ? AND subject_ref = ? AND status = 'open' AND blocking = 1 AND id <> ? ORDER BY id`)
      .all(subjectKind, subjectRef, exceptId)
      .map(fromRaw);
  }

  countOpen(): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM exceptions WHERE status = 'open'`).get() as { n: number }).n;
  }

  addNote(id: number, author: string, text: string, now: number): void {
    this.db.prepare('INSERT INTO exception_notes (exception_id, author, text, created_at) VALUES (?, ?, ?, ?)').run(id, author, text, now);
  }

  notes(id: number): Array<{ author: string; text: string; createdAt: string }> {
    return this.db
      .prepare<[number], { author: string; text: string; created_at: number }>('SELECT author, text, created_at FROM exception_notes WHERE exception_id = ? ORDER BY id')
      .all(id)
      .map((n) => ({ author: n.author, text: n.text, createdAt: new Date(n.created_at).toISOString() }));
  }
}
