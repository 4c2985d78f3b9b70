import type { Db } from './connection.js';

/** Database figures for support: schema version, size, rows per table (no row contents). */
export class StatsRepo {
  constructor(private readonly db: Db) {}

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  pages(): { pageSize: number; pageCount: number; freelistCount: number; journalMode: string } {
    return {
      pageSize: this.db.pragma('page_size', { simple: true }) as number,
      pageCount: this.db.pragma('page_count', { simple: true }) as number,
      freelistCount: this.db.pragma('freelist_count', { simple: true }) as number,
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
    };
  }

  /** Rows in each table (FTS shadow tables left out). */
  tableRows(): Record<string, number> {
    const tables = this.db
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
      .all()
      .map((t) => t.name)
      .filter((name) => /^[a-z0-9_]+$/.test(name) && !/_(data|idx|docsize|config|content)$/.test(name));
    const out: Record<string, number> = {};
    // Table names come from sqlite_master and are checked above: safe to splice into the query.
    for (const name of tables) out[name] = (this.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM "${name}"`).get()?.n) ?? 0;
    return out;
  }
}
