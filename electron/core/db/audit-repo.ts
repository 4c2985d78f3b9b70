import type { AuditAction } from '../../../shared/words/audit-actions.js';
import type { Db } from './connection.js';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  subjectKind: string;
  subjectRef: string;
  before: unknown;
  after: unknown;
  detail: string | null;
}

/** Who did what, when, with the state before and after. Append-only (triggers refuse changes). */
export class AuditRepo {
  constructor(private readonly db: Db) {}

  /** `action` is one of `auditActionSchema`, so every entry the window shows has words. */
  append(e: { at: number; actor: string; action: AuditAction; subjectKind: string; subjectRef: string; before?: unknown; after?: unknown; detail?: string }): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, action, subject_kind, subject_ref, before, after, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(e.at, e.actor, e.action, e.subjectKind, e.subjectRef,
        e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after), e.detail ?? null);
  }

  forSubject(kind: string, ref: string): AuditEntry[] {
    return this.query('WHERE subject_kind = ? AND subject_ref = ?', [kind, ref]);
  }

  recent(limit: number): AuditEntry[] {
    return this.query('ORDER BY id DESC LIMIT ?', [limit], true);
  }

  private query(where: string, params: unknown[], ordered = false): AuditEntry[] {
    const rows = this.db
      .prepare<unknown[], { id: number; at: number; actor: string; action: string; subject_kind: string; subject_ref: string; before: string | null; after: string | null; detail: string | null }>(
        `SELECT * FROM audit_log ${where}${ordered ? '' : ' ORDER BY id'}`,
      )
      .all(...params);
    return rows.map((r) => ({
      id: r.id, at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, subjectKind: r.subject_kind, subjectRef: r.subject_ref,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown), after: r.after === null ? null : (JSON.parse(r.after) as unknown), detail: r.detail,
    }));
  }
}
