import type { Db } from './connection.js';

/** The kinds of entity whose last accepted content the push remembers. */
export type PushedKind = 'product' | 'variant' | 'stock_level';

export interface PushedEntity {
  kind: PushedKind;
  externalId: string;
  /** Null when a drift check found Cloudshelf changed it: the next push sends it again. */
  hash: string | null;
  /** The input Cloudshelf accepted, as JSON. */
  payload: string;
  pushedAt: number;
}

interface Row {
  entity_kind: PushedKind;
  external_id: string;
  hash: string | null;
  payload: string;
  pushed_at: number;
}

const toEntity = (r: Row): PushedEntity => ({ kind: r.entity_kind, externalId: r.external_id, hash: r.hash, payload: r.payload, pushedAt: r.pushed_at });

/** `cloudshelf_pushed`: one row per entity Cloudshelf has accepted at least once. */
export class PushStateRepo {
  private readonly allStmt;
  private readonly recordStmt;
  private readonly clearStmt;

  constructor(db: Db) {
    this.allStmt = db.prepare<[PushedKind], Row>('SELECT * FROM cloudshelf_pushed WHERE entity_kind = ? ORDER BY external_id');
    this.recordStmt = db.prepare(
      `INSERT INTO cloudshelf_pushed (entity_kind, external_id, hash, payload, pushed_at)
       VALUES (@kind, @externalId, @hash, @payload, @pushedAt)
       ON CONFLICT (entity_kind, external_id) DO UPDATE SET
         hash = excluded.hash, payload = excluded.payload, pushed_at = excluded.pushed_at`,
    );
    this.clearStmt = db.prepare('UPDATE cloudshelf_pushed SET hash = NULL WHERE entity_kind = ? AND external_id = ?');
  }

  all(kind: PushedKind): Map<string, PushedEntity> {
    return new Map(this.allStmt.all(kind).map((r) => [r.external_id, toEntity(r)]));
  }

  record(entity: PushedEntity): void {
    this.recordStmt.run(entity);
  }

  clearHash(kind: PushedKind, externalId: string): void {
    this.clearStmt.run(kind, externalId);
  }
}
