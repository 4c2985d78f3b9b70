import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile } from '../../electron/core/config.js';
import { startHarness, type Harness } from '../support/harness.js';

const mode = (path: string): number => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';

describe.runIf(posix)('files private whatever the umask', () => {
  let h: Harness;
  let umask = 0;
  beforeAll(async () => {
    // The laxest umask a machine might have: every file would be created world-writable.
    umask = process.umask(0);
    h = await startHarness();
    await h.agent.sync('catalog');
    // A sale, so the WAL has been written.
    expect((await h.kiosk().postSale(h.sales().make())).status).toBe(201);
  });
  afterAll(async () => {
    await h.stop();
    process.umask(umask);
  });

  it('the data directory is 0700; the database, its WAL and shared memory, the logs and the admin token 0600', () => {
    expect(mode(h.dataDir)).toBe(0o700);
    expect(mode(join(h.dataDir, 'logs'))).toBe(0o700);
    for (const file of ['shelfbridge.db', 'shelfbridge.db-wal', 'shelfbridge.db-shm', join('logs', 'agent.log')]) {
      expect(mode(join(h.dataDir, file)), file).toBe(0o600);
    }
  });

  it('a migration backup is 0600 in a 0700 folder', async () => {
    const { openDatabase } = await import('../../electron/core/db/connection.js');
    const { migrate } = await import('../../electron/core/db/migrate.js');
    const dir = mkdtempSync(join(tmpdir(), 'sb-backup-'));
    const db = openDatabase(join(dir, 'old.db'));
    db.pragma('user_version = 1');
    migrate(db, { path: join(dir, 'old.db'), backupDir: join(dir, 'backups') }, [
      { version: 1, name: 'one', up: () => {} },
      { version: 2, name: 'two', up: (d) => d.exec('CREATE TABLE t (x INTEGER)') },
    ]);
    db.close();
    expect(mode(join(dir, 'backups'))).toBe(0o700);
    const [backup] = readdirSync(join(dir, 'backups'));
    expect(mode(join(dir, 'backups', backup!))).toBe(0o600);
  });
});

describe.runIf(posix)('a configuration file holding a secret', () => {
  const write = (fileMode: number, body: object): string => {
    const path = join(mkdtempSync(join(tmpdir(), 'sb-config-')), 'config.json');
    writeFileSync(path, JSON.stringify(body));
    chmodSync(path, fileMode);
    return path;
  };
  const base = {
    storeId: 's1', dataDir: '/tmp/x',
    stokly: { baseUrl: 'http://127.0.0.1:9', accountKey: 'a', clientId: 'c', locationId: 'L', channelId: 'C' },
    kioskApi: { kiosks: [] }, tenders: {},
  };

  it('is refused when others can read it, with the exact fix', () => {
    const path = write(0o644, { ...base, stokly: { ...base.stokly, secretKey: 'shh' } });
    expect(() => loadConfigFile(path, {})).toThrow(ConfigError);
    expect(() => loadConfigFile(path, {})).toThrow(`holds a secret (stokly.secretKey) and is readable by other users; run chmod 600 ${path}`);
    chmodSync(path, 0o600);
    expect(loadConfigFile(path, {}).stokly.secretKey).toBe('shh');
  });

  it('is accepted at 0644 when it holds no secret', () => {
    expect(loadConfigFile(write(0o644, base), {}).storeId).toBe('s1');
  });
});
