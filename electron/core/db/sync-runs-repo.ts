import type { SyncKind } from '../../../shared/admin-api.js';
import type { Db } from './connection.js';

export type { SyncKind };

export interface SyncRun {
  kind: SyncKind;
  lastStartedAt: number | null;
  lastSuccessStartedAt: number | null;
  lastSuccessAt: number | null;
  lastFullAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  watermark: string | null;
}

interface Row {
  kind: SyncKind;
  last_started_at: number | null;
  last_success_started_at: number | null;
  last_success_at: number | null;
  last_full_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  watermark: string | null;
}

/** When each pull last ran, succeeded or failed, and where an incremental pull resumes. */
export class SyncRunsRepo {
  // Prepared once: every accepted sale asks (stock freshness for its flags), so preparing per call cost ~4 % of ingest.
  private readonly getStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[string], Row>('SELECT * FROM sync_runs WHERE kind = ?');
  }

  get(kind: SyncKind): SyncRun {
    const r = this.getStmt.get(kind);
    return {
      kind,
      lastStartedAt: r?.last_started_at ?? null,
      lastSuccessStartedAt: r?.last_success_started_at ?? null,
      lastSuccessAt: r?.last_success_at ?? null,
      lastFullAt: r?.last_full_at ?? null,
      lastError: r?.last_error ?? null,
      lastErrorAt: r?.last_error_at ?? null,
      watermark: r?.watermark ?? null,
    };
  }

  started(kind: SyncKind, at: number): void {
    this.db.prepare(`INSERT INTO sync_runs (kind, last_started_at) VALUES (?, ?)
                     ON CONFLICT (kind) DO UPDATE SET last_started_at = excluded.last_started_at`).run(kind, at);
  }

  succeeded(kind: SyncKind, startedAt: number, at: number, extra: { watermark?: string | null; full?: boolean } = {}): void {
    this.db.prepare(`INSERT INTO sync_runs (kind, last_started_at, last_success_started_at, last_success_at, watermark, last_full_at)
                     VALUES (@kind, @startedAt, @startedAt, @at, @watermark, @fullAt)
                     ON CONFLICT (kind) DO UPDATE SET last_success_started_at = @startedAt, last_success_at = @at,
                       watermark = COALESCE(@watermark, watermark), last_full_at = COALESCE(@fullAt, last_full_at)`)
      .run({ kind, startedAt, at, watermark: extra.watermark ?? null, fullAt: extra.full ? startedAt : null });
  }

  failed(kind: SyncKind, error: string, at: number): void {
    this.db.prepare(`INSERT INTO sync_runs (kind, last_error, last_error_at) VALUES (?, ?, ?)
                     ON CONFLICT (kind) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at`)
      .run(kind, error, at);
  }
}
