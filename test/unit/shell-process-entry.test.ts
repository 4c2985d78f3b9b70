import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreToShellSchema, type CoreToShell } from '../../shared/shell-protocol.js';
import { ConfigError, parseConfig, type Config } from '../../electron/core/config.js';
import { serveShell, type EntryDeps, type ParentPort } from '../../electron/core/process-entry.js';

/** A fake process.parentPort: the test plays the shell. */
class FakePort implements ParentPort {
  posted: CoreToShell[] = [];
  private listener: ((event: { data: unknown }) => void) | null = null;
  on(_event: 'message', listener: (event: { data: unknown }) => void): unknown {
    this.listener = listener;
    return this;
  }
  postMessage(message: CoreToShell): void {
    this.posted.push(message);
  }
  send(data: unknown): void {
    this.listener?.({ data });
  }
}

const config = { storeId: 'store-1' } as Config;
const flush = () => new Promise((resolve) => setImmediate(resolve));

function fakeDeps(overrides: Partial<EntryDeps> = {}) {
  const calls = { exits: [] as number[], stops: 0, starts: 0, secrets: [] as unknown[], logs: [] as string[] };
  const deps: EntryDeps = {
    loadConfig: () => config,
    resolveSecrets: (_c, fromShell) => {
      calls.secrets.push(fromShell);
      return { stoklySecretKey: fromShell.stoklySecretKey ?? 'from-env' };
    },
    startAgent: async () => {
      calls.starts += 1;
      return { adminUrl: 'http://127.0.0.1:4781', adminToken: 'tok', backupNow: async () => '/data/backups/now.db', stop: async () => { calls.stops += 1; } };
    },
    exit: (code) => calls.exits.push(code),
    log: (m) => calls.logs.push(m),
    ...overrides,
  };
  return { deps, calls };
}

const start = { type: 'start', configPath: '/c.json', secrets: { stoklySecretKey: 'from-shell' } };

describe('core process entry (fake parent port)', () => {
  it('starts the agent with the secrets from the shell and posts ready', async () => {
    const port = new FakePort();
    const { deps, calls } = fakeDeps();
    serveShell(port, deps);
    port.send(start);
    await flush();
    expect(calls.secrets).toEqual([{ stoklySecretKey: 'from-shell' }]);
    expect(port.posted).toEqual([{ type: 'ready', adminUrl: 'http://127.0.0.1:4781', adminToken: 'tok' }]);
  });

  it('takes a backup when the shell asks (before an update), answering with its id', async () => {
    const port = new FakePort();
    const { deps } = fakeDeps();
    serveShell(port, deps);
    port.send({ type: 'backup', id: 1 });
    await flush();
    expect(port.posted).toEqual([{ type: 'backup-failed', id: 1, message: 'the agent is not running' }]);
    port.send(start);
    await flush();
    port.send({ type: 'backup', id: 2 });
    await flush();
    expect(port.posted.at(-1)).toEqual({ type: 'backup-done', id: 2, path: '/data/backups/now.db' });
  });

  it('posts fatal with the configuration error and exits 1', async () => {
    const port = new FakePort();
    const { deps, calls } = fakeDeps({
      loadConfig: () => { throw new ConfigError('/c.json is not valid:\n  storeId: required', '/c.json'); },
    });
    serveShell(port, deps);
    port.send(start);
    await flush();
    expect(port.posted).toEqual([{ type: 'fatal', message: '/c.json is not valid:\n  storeId: required' }]);
    expect(calls.exits).toEqual([1]);
    expect(calls.starts).toBe(0);
  });

  it('on stop, stops the agent, posts stopped and exits 0', async () => {
    const port = new FakePort();
    const { deps, calls } = fakeDeps();
    serveShell(port, deps);
    port.send(start);
    await flush();
    port.send({ type: 'stop' });
    await flush();
    expect(calls.stops).toBe(1);
    expect(port.posted.at(-1)).toEqual({ type: 'stopped' });
    expect(calls.exits).toEqual([0]);
  });

  it('a stop that arrives while starting waits for the start, then stops (no ready)', async () => {
    const port = new FakePort();
    let release: () => void = () => undefined;
    const { deps, calls } = fakeDeps({
      startAgent: () => new Promise((resolve) => {
        release = () => resolve({ adminUrl: 'http://127.0.0.1:4781', adminToken: 'tok', backupNow: async () => '', stop: async () => { calls.stops += 1; } });
      }),
    });
    serveShell(port, deps);
    port.send(start);
    port.send({ type: 'stop' });
    await flush();
    expect(port.posted).toEqual([]);
    release();
    await flush();
    await flush();
    expect(calls.stops).toBe(1);
    expect(port.posted).toEqual([{ type: 'stopped' }]);
  });

  it('ignores malformed messages and a second start', async () => {
    const port = new FakePort();
    const { deps, calls } = fakeDeps();
    serveShell(port, deps);
    port.send({ type: 'start' });
    port.send('stop');
    port.send(start);
    port.send(start);
    await flush();
    expect(calls.starts).toBe(1);
    expect(calls.logs.filter((l) => l.includes('malformed'))).toHaveLength(2);
    expect(calls.logs.filter((l) => l.includes('second start'))).toHaveLength(1);
  });
});

describe('core process entry (real core in a child process)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'shelfbridge-entry-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs process-entry.ts in Node with process.parentPort faked over the fork IPC channel. */
  function runEntry(configPath: string, secrets: Record<string, string>) {
    const setup = join(dir, 'fake-parent-port.mjs');
    writeFileSync(setup, [
      'process.parentPort = {',
      "  on: (_event, listener) => process.on('message', (data) => listener({ data })),",
      '  postMessage: (message) => process.send(message),',
      '};',
    ].join('\n'));
    const entry = fileURLToPath(new URL('../../electron/core/process-entry.ts', import.meta.url));
    const child = fork(entry, [], {
      execArgv: ['--import', 'tsx', '--import', setup],
      env: { ...process.env, SHELFBRIDGE_LOG_CONSOLE: '0', SHELFBRIDGE_STOKLY_SECRET_KEY: '' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const messages: CoreToShell[] = [];
    const waiters: Array<() => void> = [];
    let stderr = '';
    let exitCode: number | null | undefined;
    child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('message', (m) => {
      messages.push(coreToShellSchema.parse(m));
      for (const w of waiters.splice(0)) w();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
      exitCode = code;
      for (const w of waiters.splice(0)) w();
      resolve(code);
    }));
    // Fails at once, with the child's stderr, if the core exits without the message.
    const next = (type: CoreToShell['type']) => new Promise<CoreToShell>((resolve, reject) => {
      const look = () => {
        const found = messages.find((m) => m.type === type);
        if (found) resolve(found);
        else if (exitCode !== undefined) reject(new Error(`core exited (${exitCode}) without "${type}": ${JSON.stringify(messages)}\n${stderr}`));
        else waiters.push(look);
      };
      look();
    });
    child.send({ type: 'start', configPath, secrets });
    return { child, next, exited, messages };
  }

  it('starts the real agent, answers ready with a working admin API, and stops cleanly', async () => {
    const configPath = join(dir, 'config.json');
    const raw = {
      storeId: 'store-1',
      dataDir: join(dir, 'data'),
      stokly: { baseUrl: 'http://127.0.0.1:9', accountKey: 'a', clientId: 'c', locationId: 'l', channelId: 'ch' },
      kioskApi: { host: '127.0.0.1', port: 0, kiosks: [] },
      adminApi: { host: '127.0.0.1', port: 0 },
      tenders: {},
    };
    parseConfig(raw);
    writeFileSync(configPath, JSON.stringify(raw));
    const run = runEntry(configPath, { stoklySecretKey: 'from-shell' });
    const ready = await run.next('ready');
    if (ready.type !== 'ready') throw new Error('expected ready');
    const response = await fetch(`${ready.adminUrl}/api/status`, { headers: { authorization: `Bearer ${ready.adminToken}` } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { storeId: string }).storeId).toBe('store-1');
    run.child.send({ type: 'stop' });
    await run.next('stopped');
    expect(await run.exited).toBe(0);
  });

  it('reports a bad configuration as fatal, with the message naming the key, and exits 1', async () => {
    const configPath = join(dir, 'config.json');
    writeFileSync(configPath, JSON.stringify({ storeId: 'store-1' }));
    const run = runEntry(configPath, {});
    const fatal = await run.next('fatal');
    expect(fatal.type === 'fatal' && fatal.message).toMatch(/dataDir/);
    expect(await run.exited).toBe(1);
  });
});
