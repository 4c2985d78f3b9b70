import type { Db } from './connection.js';

export type CloudshelfIssueKind = 'cloudshelf_rejected' | 'cloudshelf_drift' | 'cloudshelf_location';
/** 'operation' when Cloudshelf's error could not be tied to one entity of the call. */
export type IssueEntityKind = 'product' | 'variant' | 'stock_level' | 'location' | 'operation';

export interface SyncIssue {
  id: number;
  source: 'cloudshelf';
  kind: CloudshelfIssueKind;
  entityKind: IssueEntityKind;
  /** The entity's external gid (or the operation name). */
  entity: string;
  sku: string | null;
  /** Cloudshelf's userErrors code; for drift, the field that differs. */
  code: string;
  message: string;
  firstSeenAt: number;
  lastSeenAt: number;
  resolvedAt: number | null;
}

export type IssueReport = Pick<SyncIssue, 'kind' | 'entityKind' | 'entity' | 'sku' | 'code' | 'message'>;

interface Row {
  id: number;
  kind: CloudshelfIssueKind;
  entity_kind: IssueEntityKind;
  entity: string;
  sku: string | null;
  code: string;
  message: string;
  first_seen_at: number;
  last_seen_at: number;
  resolved_at: number | null;
}

const SOURCE = 'cloudshelf';

/**
 * The Cloudshelf rows of `sync_issues`. The same open problem seen again updates its message and
 * last_seen_at instead of piling up rows.
 */
export class SyncIssuesRepo {
  private readonly reportStmt;
  private readonly resolveEntityStmt;
  private readonly resolveOneKindStmt;
  private readonly listStmt;
  private readonly recentStmt;
  private readonly countStmt;

  constructor(db: Db) {
    this.reportStmt = db.prepare(
      `INSERT INTO sync_issues (source, kind, entity_kind, entity, sku, code, message, first_seen_at, last_seen_at)
       VALUES ('${SOURCE}', @kind, @entityKind, @entity, @sku, @code, @message, @at, @at)
       ON CONFLICT (source, kind, entity_kind, entity, code) WHERE resolved_at IS NULL
       DO UPDATE SET message = excluded.message, sku = excluded.sku, last_seen_at = excluded.last_seen_at`,
    );
    this.resolveEntityStmt = db.prepare(
      `UPDATE sync_issues SET resolved_at = ? WHERE source = '${SOURCE}' AND entity_kind = ? AND entity = ? AND resolved_at IS NULL`,
    );
    this.resolveOneKindStmt = db.prepare(
      `UPDATE sync_issues SET resolved_at = ?
       WHERE source = '${SOURCE}' AND kind = ? AND entity_kind = ? AND entity = ? AND resolved_at IS NULL`,
    );
    this.listStmt = db.prepare<[], Row>(
      `SELECT * FROM sync_issues WHERE source = '${SOURCE}' AND resolved_at IS NULL ORDER BY last_seen_at DESC, id DESC`,
    );
    this.recentStmt = db.prepare<[number], Row>(
      `SELECT * FROM sync_issues WHERE source = '${SOURCE}' AND (resolved_at IS NULL OR resolved_at >= ?) ORDER BY last_seen_at DESC, id DESC`,
    );
    this.countStmt = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM sync_issues WHERE source = '${SOURCE}' AND resolved_at IS NULL`);
  }

  report(issue: IssueReport, at: number): void {
    this.reportStmt.run({ ...issue, at });
  }

  /** Every open issue of the entity (a push Cloudshelf accepted settles them all). */
  resolveEntity(entityKind: IssueEntityKind, entity: string, at: number): number {
    return this.resolveEntityStmt.run(at, entityKind, entity).changes;
  }

  resolve(kind: CloudshelfIssueKind, entityKind: IssueEntityKind, entity: string, at: number): number {
    return this.resolveOneKindStmt.run(at, kind, entityKind, entity).changes;
  }

  listOpen(): SyncIssue[] {
    return this.listStmt.all().map(toIssue);
  }

  /** Open issues and those resolved since `sinceMs`: an overwritten drift stays visible to staff for a while. */
  listRecent(sinceMs: number): SyncIssue[] {
    return this.recentStmt.all(sinceMs).map(toIssue);
  }

  openCount(): number {
    return this.countStmt.get()?.n ?? 0;
  }
}

function toIssue(r: Row): SyncIssue {
  return {
    id: r.id,
    source: SOURCE,
    kind: r.kind,
    entityKind: r.entity_kind,
    entity: r.entity,
    sku: r.sku,
    code: r.code,
    message: r.message,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    resolvedAt: r.resolved_at,
  };
}
