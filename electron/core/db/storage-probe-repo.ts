import type { Db } from './connection.js';

/** One tiny committed write: proves the database can take a sale again (lock released, disk freed). */
export class StorageProbeRepo {
  private readonly touchStmt;

  constructor(db: Db) {
    this.touchStmt = db.prepare(`INSERT INTO meta (key, value) VALUES ('storage_probe', ?)
                                   ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  }

  touch(now: number): void {
    this.touchStmt.run(new Date(now).toISOString());
  }
}
