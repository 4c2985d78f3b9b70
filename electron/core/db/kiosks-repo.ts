import type { Db } from './connection.js';

export interface EnrolledKiosk {
  id: string;
  name: string;
  tokenSha256: string;
  enrolledAt: number;
  revokedAt: number | null;
}

type Row = { kiosk_id: string; name: string; token_sha256: string; enrolled_at: number; revoked_at: number | null };
const toKiosk = (r: Row): EnrolledKiosk => ({ id: r.kiosk_id, name: r.name, tokenSha256: r.token_sha256, enrolledAt: r.enrolled_at, revokedAt: r.revoked_at });

/** Kiosks enrolled from the staff window: one row each, token kept only as its SHA-256. */
export class KiosksRepo {
  constructor(private readonly db: Db) {}

  all(): EnrolledKiosk[] {
    return this.db.prepare<[], Row>('SELECT * FROM kiosks ORDER BY kiosk_id').all().map(toKiosk);
  }

  get(id: string): EnrolledKiosk | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM kiosks WHERE kiosk_id = ?').get(id);
    return row && toKiosk(row);
  }

  /** Enrols a new kiosk, or re-enrols a revoked one under a new token. */
  enrol(k: { id: string; name: string; tokenSha256: string; at: number }): void {
    this.db
      .prepare(
        `INSERT INTO kiosks (kiosk_id, name, token_sha256, enrolled_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (kiosk_id) DO UPDATE SET name = excluded.name, token_sha256 = excluded.token_sha256,
           enrolled_at = excluded.enrolled_at, revoked_at = NULL
         WHERE kiosks.revoked_at IS NOT NULL`,
      )
      .run(k.id, k.name, k.tokenSha256, k.at);
  }

  revoke(id: string, at: number): boolean {
    return this.db.prepare('UPDATE kiosks SET revoked_at = ? WHERE kiosk_id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }
}
