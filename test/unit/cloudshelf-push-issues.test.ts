import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../electron/core/cloudshelf/plan.js';
import { PushStateRepo } from '../../electron/core/db/cloudshelf-push-state-repo.js';
import { settleBatch } from '../../electron/core/cloudshelf/settle.js';
import { SyncIssuesRepo } from '../../electron/core/db/cloudshelf-sync-issues-repo.js';
import { openDatabase, type Db } from '../../electron/core/db/connection.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { migration0030 } from '../../electron/core/db/migrations/0030-cloudshelf-push.js';

/** Every known migration plus 0030, in order (once 0030 is in the index, it is not doubled). */
function withMigration0030() {
  return [...migrations.filter((m) => m.version !== migration0030.version), migration0030].sort((a, b) => a.version - b.version);
}

let db: Db;
let issues: SyncIssuesRepo;
let state: PushStateRepo;

beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db, { path: ':memory:', backupDir: null }, withMigration0030());
  issues = new SyncIssuesRepo(db);
  state = new PushStateRepo(db);
});
afterEach(() => db.close());

const change = (n: number): Change<{ id: string }> => ({ externalId: `gid://external/StoklyProduct/${n}`, sku: `S${n}`, hash: `h${n}`, payload: { id: `p${n}` } });

describe('migration 0030', () => {
  it('creates the push state and sync issue tables as STRICT', () => {
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(30);
    const strict = db.prepare("SELECT name, strict FROM pragma_table_list WHERE name IN ('cloudshelf_pushed', 'sync_issues') ORDER BY name").all();
    expect(strict).toEqual([{ name: 'cloudshelf_pushed', strict: 1 }, { name: 'sync_issues', strict: 1 }]);
  });
});

describe('sync issues', () => {
  const issue = { kind: 'cloudshelf_rejected', entityKind: 'product', entity: 'gid://external/StoklyProduct/1', sku: 'S1', code: 'ENTITY_INVALID_FIELD' } as const;

  it('the same open problem seen again updates one row; once resolved, a recurrence is a new one', () => {
    issues.report({ ...issue, message: 'first' }, 100);
    issues.report({ ...issue, message: 'second' }, 200);
    expect(issues.listOpen()).toEqual([expect.objectContaining({ message: 'second', firstSeenAt: 100, lastSeenAt: 200, resolvedAt: null, source: 'cloudshelf' })]);
    expect(issues.resolveEntity('product', issue.entity, 300)).toBe(1);
    expect(issues.openCount()).toBe(0);
    issues.report({ ...issue, message: 'third' }, 400);
    expect(issues.listOpen()).toEqual([expect.objectContaining({ message: 'third', firstSeenAt: 400 })]);
    expect((db.prepare('SELECT count(*) AS n FROM sync_issues').get() as { n: number }).n).toBe(2);
  });
});

describe('settling a call', () => {
  it('records hashes only for confirmed entities and ties each userError to the entity its path names', () => {
    const batch = [change(1), change(2), change(3)];
    const settled = settleBatch({
      kind: 'product', operation: 'upsertProducts', batch, state, issues, at: 10,
      outcome: {
        accepted: [batch[0]!.externalId, batch[2]!.externalId],
        userErrors: [{ code: 'ENTITY_INVALID_FIELD', message: 'input[1].displayName: must not be empty' }],
      },
      targetsOf: (t) => (batch[t.index] ? [batch[t.index]!] : []),
    });
    expect(settled).toEqual({ accepted: 2, rejected: 1, fieldsInError: new Set(['displayName']) });
    expect([...state.all('product').keys()]).toEqual([batch[0]!.externalId, batch[2]!.externalId]);
    expect(issues.listOpen()).toEqual([expect.objectContaining({
      entity: batch[1]!.externalId, sku: 'S2', code: 'ENTITY_INVALID_FIELD', message: expect.stringContaining('upsertProducts refused product'),
    })]);
  });

  it('an error it cannot tie to an entity is stored against the operation and settled by a clean call', () => {
    const batch = [change(1)];
    const refuseAll = settleBatch({
      kind: 'product', operation: 'upsertProducts', batch, state, issues, at: 10,
      outcome: { accepted: [], userErrors: [{ code: 'INVALID_ARGUMENT', message: 'too many; nothing was applied' }] },
      targetsOf: () => [],
    });
    expect(refuseAll.rejected).toBe(1);
    expect(issues.listOpen().map((i) => [i.entityKind, i.entity, i.code])).toEqual([['operation', 'upsertProducts', 'INVALID_ARGUMENT']]);

    settleBatch({ kind: 'product', operation: 'upsertProducts', batch, state, issues, at: 20, outcome: { accepted: [batch[0]!.externalId], userErrors: [] }, targetsOf: () => [] });
    expect(issues.openCount()).toBe(0);
  });

  it('an entity left out without a word still becomes an issue', () => {
    const batch = [change(1)];
    settleBatch({ kind: 'product', operation: 'upsertProducts', batch, state, issues, at: 10, outcome: { accepted: [], userErrors: [] }, targetsOf: () => [] });
    expect(issues.listOpen().map((i) => i.code)).toEqual(['NOT_CONFIRMED']);
    expect(state.all('product').size).toBe(0);
  });
});
