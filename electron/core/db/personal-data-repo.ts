import Database from 'better-sqlite3';
import type { Db } from './connection.js';

export interface SealedRow {
  saleId: string;
  keyId: string;
  /** null once erased. */
  sealed: Buffer | null;
  erasedAt: number | null;
}

/**
 * Sealed customer and delivery details, one row per sale (table sale_personal). Only
 * ciphertext is ever written; erasing sets it to NULL and keeps the row as a record that it was.
 */
export class PersonalDataRepo {
  private readonly getStmt;
  private readonly putStmt;

  constructor(private readonly db: Db) {
    // Erased or replaced ciphertext is overwritten with zeros, not left in free pages.
    db.pragma('secure_delete = ON');
    this.getStmt = db.prepare<[string], { sale_id: string; key_id: string; sealed: Buffer | null; erased_at: number | null }>(
      'SELECT sale_id, key_id, sealed, erased_at FROM sale_personal WHERE sale_id = ?',
    );
    this.putStmt = db.prepare(
      `INSERT INTO sale_personal (sale_id, key_id, sealed, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (sale_id) DO UPDATE SET key_id = excluded.key_id, sealed = excluded.sealed, updated_at = excluded.updated_at, erased_at = NULL`,
    );
  }

  get(saleId: string): SealedRow | undefined {
    const r = this.getStmt.get(saleId);
    return r && { saleId: r.sale_id, keyId: r.key_id, sealed: r.sealed, erasedAt: r.erased_at };
  }

  put(saleId: string, keyId: string, sealed: Buffer, now: number): void {
    this.putStmt.run(saleId, keyId, sealed, now, now);
  }

  /**
   * Sales whose details are no longer needed: posted (done) at least `keepMs` ago, or voided
   * that long ago. A sale still waiting keeps them: the warehouse needs the address.
   */
  erasable(cutoff: number, limit = 500): string[] {
    return this.db
      .prepare<[number, number, number], { sale_id: string }>(
        `SELECT p.sale_id FROM sale_personal p INDEXED BY sale_personal_unerased
           JOIN outbox o ON o.kind = 'sale' AND o.ref = p.sale_id
          WHERE p.sealed IS NOT NULL
            AND ((o.status = 'done' AND o.done_at <= ?) OR (o.status = 'voided' AND o.updated_at <= ?))
          LIMIT ?`,
      )
      .all(cutoff, cutoff, limit)
      .map((r) => r.sale_id);
  }

  erase(saleIds: readonly string[], now: number): number {
    const stmt = this.db.prepare(`UPDATE sale_personal SET sealed = NULL, key_id = '', erased_at = ?, updated_at = ? WHERE sale_id = ? AND sealed IS NOT NULL`);
    return this.db.transaction(() => saleIds.reduce((n, id) => n + stmt.run(now, now, id).changes, 0))();
  }

  /** Whether this sale's details are still held (sealed, not erased). */
  isKept(saleId: string): boolean {
    return this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM sale_personal WHERE sale_id = ? AND sealed IS NOT NULL').get(saleId)?.n === 1;
  }

  /** Rows sealed with another key than the current one and not erased: their details are lost. */
  countSealedWithOtherKey(keyId: string): number {
    return (this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM sale_personal WHERE sealed IS NOT NULL AND key_id != ?').get(keyId)?.n ?? 0);
  }

  /** Freed pages zeroed, the WAL emptied: erased ciphertext leaves the files, not only the rows. */
  scrubFiles(): void {
    this.db.pragma('secure_delete = ON');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

/**
 * A backup copy of the database (backups/*.db) loses the sealed details that the live database
 * has erased (or never had), then is rewritten so no free page keeps them. Returns rows erased.
 */
export function scrubBackupFile(path: string, stillKept: (saleId: string) => boolean): number {
  const backup = new Database(path);
  try {
    const hasTable = backup.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sale_personal'`).get();
    if (!hasTable) return 0;
    const ids = backup.prepare<[], { sale_id: string }>('SELECT sale_id FROM sale_personal WHERE sealed IS NOT NULL').all()
      .map((r) => r.sale_id).filter((id) => !stillKept(id));
    if (ids.length === 0) return 0;
    const erase = backup.prepare(`UPDATE sale_personal SET sealed = NULL, key_id = '', erased_at = COALESCE(erased_at, 0) WHERE sale_id = ?`);
    backup.transaction(() => { for (const id of ids) erase.run(id); })();
    backup.exec('VACUUM');
    return ids.length;
  } finally {
    backup.close();
  }
}
