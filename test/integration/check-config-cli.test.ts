import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../electron/core/config.js';
import { startAgent } from '../../electron/core/index.js';
import { silenceLogging } from '../../electron/core/logging/logger.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'shelfbridge-cli-'));
let busy: Server;
let busyPort = 0;

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(async () => new Promise<void>((resolve) => busy.close(() => resolve())));

/** The example configuration with both APIs on a port this test already holds. */
function configOnBusyPort(): Record<string, unknown> {
  const example = JSON.parse(readFileSync(join(ROOT, 'docs', 'config.example.json'), 'utf8')) as Record<string, unknown>;
  return {
    ...example,
    dataDir: join(dir, 'data'),
    stokly: { ...(example.stokly as object), baseUrl: 'http://127.0.0.1:9', secretKey: 'x', secretKeyFile: undefined },
    kioskApi: { host: '127.0.0.1', port: busyPort },
    adminApi: { host: '127.0.0.1', port: busyPort },
    cloudshelf: undefined,
  };
}

function checkConfig(file: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'electron', 'headless.ts'), '--check-config', file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SHELFBRIDGE_DATA_DIR: '' } });
}

describe('npm run agent -- --check-config <file>', () => {
  it('exits 0 for a valid file and binds no port (its ports are taken, it does not notice)', () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, JSON.stringify(configOnBusyPort()));
    const result = checkConfig(file);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('good.json is valid.');
  });

  it('exits 1 for a broken file, naming each offending key', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ ...configOnBusyPort(), storeId: undefined, tenders: { card: 'four' } }));
    const result = checkConfig(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/storeId: missing, e\.g\. "storeId": "store-001"/);
    expect(result.stderr).toMatch(/tenders\.card: /);
  });

  it('exits 1 with the line and column for bad JSON', () => {
    const file = join(dir, 'syntax.json');
    writeFileSync(file, '{\n  "storeId": "s1",,\n}\n');
    const result = checkConfig(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not valid JSON at line 2, column 19/);
  });
});

describe('a port in use at start', () => {
  it('names the key and says another copy may be running', async () => {
    silenceLogging();
    const config = parseConfig({ ...configOnBusyPort(), adminApi: { host: '127.0.0.1', port: 0 } });
    await expect(startAgent(config, { stoklySecretKey: 'x' }, { logConsole: false })).rejects.toThrow(
      new RegExp(`kioskApi\\.port: port ${busyPort} on 127\\.0\\.0\\.1 is already in use\\. Another copy of Shelfbridge may be running`),
    );
  });
});
