import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import type { ConfigInput } from '../../electron/core/config.js';
import { sha256Hex } from '../../electron/core/kiosk/auth.js';
import { silenceLogging } from '../../electron/core/logging/logger.js';
import { kioskProducts } from '../../sim/kiosks/catalogue.js';
import { KioskClient } from '../../sim/kiosks/kiosk-client.js';
import { SaleFactory } from '../../sim/kiosks/sale-factory.js';
import { StoklySandbox } from '../../sim/stokly/sandbox.js';
import { generateShop } from '../../sim/stokly/seed.js';
import { waitFor } from '../support/harness.js';

/**
 * The documented headless install, as IT runs it: `npm run build`, `npm prune --omit=dev`,
 * then `npm run start:headless -- --config <file>` — in a copy of the project whose
 * node_modules has lost every development dependency (tsx, typescript, vitest, electron).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.build.json', 'vite.config.ts', 'electron', 'shared', 'renderer'];

const work = mkdtempSync(join(tmpdir(), 'shelfbridge-prod-'));
let sandbox: StoklySandbox | null = null;
let agent: ChildProcess | null = null;
afterAll(async () => {
  if (agent && agent.exitCode === null) agent.kill('SIGKILL');
  await sandbox?.stop();
  rmSync(work, { recursive: true, force: true });
});

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
}

/** The project as a clone would have it after `npm ci`: node_modules hard-linked (same disk, no 450 MB copy). */
function copyProject(to: string): void {
  for (const entry of SOURCES) cpSync(join(ROOT, entry), join(to, entry), { recursive: true });
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(to, 'node_modules')]);
  // npm rewrites its hidden lockfile: a real copy, so the worktree's own file is never touched.
  const hidden = join(to, 'node_modules', '.package-lock.json');
  rmSync(hidden);
  cpSync(join(ROOT, 'node_modules', '.package-lock.json'), hidden);
}

it('runs the compiled agent from a pruned install: build, prune, start:headless, a sale reaches Stok.ly, SIGTERM exits 0', async () => {
  silenceLogging();
  const app = join(work, 'app');
  copyProject(app);
  npm(['run', 'build'], app);
  npm(['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund'], app);
  for (const dev of ['tsx', 'typescript', 'vitest', 'electron', 'electron-builder', 'vite']) {
    expect(existsSync(join(app, 'node_modules', dev)), `${dev} was pruned`).toBe(false);
  }
  expect(existsSync(join(app, 'dist', 'electron', 'headless.js'))).toBe(true);
  expect(existsSync(join(app, 'dist-renderer', 'index.html'))).toBe(true);

  const seed = generateShop({ itemCount: 20, seed: 3 });
  sandbox = await StoklySandbox.start({ rateLimit: null, seed });
  const dataDir = join(work, 'data');
  const config: ConfigInput = {
    storeId: 'store-prod',
    dataDir,
    stokly: {
      baseUrl: sandbox.url, accountKey: sandbox.credentials.accountKey, clientId: sandbox.credentials.clientId,
      locationId: 'LOC-STORE-001', channelId: 'CH-KIOSK', requestTimeoutMs: 2_000,
    },
    kioskApi: { host: '127.0.0.1', port: 0, kiosks: [{ id: 'kiosk-01', tokenSha256: sha256Hex('prod-token') }] },
    adminApi: { port: 0, token: 'production-run-admin-token' },
    tenders: { card: 4, cash: 1 },
    outbox: { pollIntervalMs: 100, backoffBaseMs: 50, unknownOutcomeGraceMs: 200 },
    // For IT's log shipper (issue 11): proven here on the compiled agent.
    logging: { format: 'json' },
  };
  const configPath = join(work, 'config.json');
  // Owner-only: it holds the admin token, and the agent refuses a secret others can read.
  writeFileSync(configPath, JSON.stringify(config), { mode: 0o600 });
  chmodSync(configPath, 0o600);

  const child = spawn('npm', ['run', 'start:headless', '--', '--config', configPath], {
    cwd: app,
    env: { ...process.env, SHELFBRIDGE_STOKLY_SECRET_KEY: sandbox.credentials.secretKey, SHELFBRIDGE_LOG_CONSOLE: '0', npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  agent = child;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<{ kioskUrl: string; adminUrl: string; pid: number }>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return; // npm's own "> shelfbridge@… start:headless" lines
      const message = JSON.parse(line) as { event?: string; kioskUrl: string; adminUrl: string; pid: number };
      if (message.event === 'ready') resolve(message);
    });
    void exited.then((code) => reject(new Error(`agent exited with ${code} before it was ready: ${stderr}`)));
  });

  // The built staff window is served by the admin port, from the pruned copy.
  const page = await fetch(`${ready.adminUrl}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');

  const sale = new SaleFactory('kiosk-01', kioskProducts(seed.items)).make();
  const posted = await new KioskClient(ready.kioskUrl, 'kiosk-01', 'prod-token').postSale(sale);
  expect(posted.status).toBe(201);
  const headers = { authorization: 'Bearer production-run-admin-token' };
  await waitFor(async () => {
    const status = (await (await fetch(`${ready.adminUrl}/api/status`, { headers })).json()) as { counts: { done: number } };
    return status.counts.done === 1;
  }, 20_000, 'the sale to reach Stok.ly');

  // systemd stops the service with SIGTERM to the node process.
  process.kill(ready.pid, 'SIGTERM');
  expect(await exited).toBe(0);

  const logLines = readFileSync(join(dataDir, 'logs', 'agent.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
  expect(logLines.every((l) => l.store === 'store-prod' && typeof l.time === 'string' && typeof l.level === 'string')).toBe(true);
  expect(logLines.some((l) => l.msg?.includes(`${sale.saleId} from kiosk-01 accepted`))).toBe(true);
}, 240_000);
