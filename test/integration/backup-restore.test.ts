import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreDatabase } from '../../electron/core/backup/restore.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { backup: { keep: 2 } } });
  h.sandbox.setFaults({ outage: true });
});
afterAll(async () => h.stop());

const saleIds = (path: string): string[] => {
  const db = new Database(path, { readonly: true });
  try {
    return dbQueries(db).saleIds();
  } finally {
    db.close();
  }
};

describe('daily backups and restore', () => {
  it('takes a backup at first start, private to the agent user, and keeps only the configured number', async () => {
    await waitFor(() => h.agent.backups.list().length === 1, 10_000, 'the first backup');
    for (let i = 0; i < 3; i++) await h.agent.backups.backupNow();
    const files = h.agent.backups.list();
    expect(files).toHaveLength(2);
    if (process.platform !== 'win32') for (const f of files) expect(statSync(f).mode & 0o777).toBe(0o600);
  });

  it('round trip: backup, more sales, restore refused while running, then restored after stop; the replaced file is kept', async () => {
    const before = h.sales('kiosk-01').make();
    expect((await h.kiosk('kiosk-01').postSale(before)).status).toBe(201);
    const backup = await h.agent.backups.backupNow();
    const after = h.sales('kiosk-01').make();
    expect((await h.kiosk('kiosk-01').postSale(after)).status).toBe(201);

    expect(() => restoreDatabase({ dataDir: h.dataDir, from: backup })).toThrow(/An agent is running on .* \(process \d+\)\. Stop it first/);

    await h.agent.stop();
    const result = restoreDatabase({ dataDir: h.dataDir, from: backup });
    expect(result.previousKeptAt).not.toBeNull();
    expect(saleIds(result.previousKeptAt!)).toEqual(expect.arrayContaining([before.saleId, after.saleId]));

    const agent = await h.restart();
    const ids = dbQueries(agent.db).saleIds();
    expect(ids).toContain(before.saleId);
    expect(ids).not.toContain(after.saleId);
  });

  it('refuses a damaged or foreign file and leaves the database untouched', async () => {
    await h.agent.stop();
    const junk = join(h.dataDir, 'junk.db');
    writeFileSync(junk, 'this is not a database'.repeat(200));
    expect(() => restoreDatabase({ dataDir: h.dataDir, from: junk })).toThrow(/cannot be restored: .*The current database is untouched/);
    const empty = join(h.dataDir, 'empty.db');
    new Database(empty).close();
    expect(() => restoreDatabase({ dataDir: h.dataDir, from: empty })).toThrow(/not a Shelfbridge database/);
    expect(existsSync(join(h.dataDir, 'shelfbridge.db'))).toBe(true);
    await h.restart();
  });

  it('npm run agent -- restore <file> refuses while the agent runs (exit 1)', () => {
    const config = join(h.dataDir, 'config-for-cli.json');
    writeFileSync(config, JSON.stringify({ ...h.agent.config, dataDir: h.dataDir }), { mode: 0o600 });
    const backup = h.agent.backups.list().at(-1)!;
    const root = join(import.meta.dirname, '..', '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron', 'headless.ts'), 'restore', backup, '--config', config], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toMatch(/An agent is running/);
    expect(run.status).toBe(1);
  });
});
