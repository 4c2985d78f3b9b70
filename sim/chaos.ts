import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ConfigInput } from '../electron/core/config.js';
import { sha256Hex } from '../electron/core/kiosk/auth.js';
import { freePort, launchAgent, spawnAgent } from './agent-process.js';
import { kioskProducts } from './kiosks/catalogue.js';
import { startKiosks } from './kiosks/kiosk-loop.js';
import type { Faults } from './stokly/faults.js';
import { StoklySandbox } from './stokly/sandbox.js';
import { generateShop } from './stokly/seed.js';

/**
 * `npm run chaos`: the outbox's promise under SIGKILL. The agent runs as its own process and
 * is killed at random moments, again and again, while kiosks post sales and refunds and
 * resend, and Stok.ly (the sandbox) goes through a matrix of faults. At the end a healthy
 * agent drains the backlog and the books are compared: every acknowledged sale and refund
 * must be in Stok.ly exactly once, nothing else may be, and the database must be intact.
 *
 *   npm run chaos                       full form: 1,000 kills
 *   npm run chaos -- --kills 40         short form (CI)
 *   npm run chaos -- --kiosks 6 --keep  keep the data directory for a look
 */
const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: process.env.CHAOS_KILLS ?? '1000' },
    kiosks: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
    /** Build (tsc) and run the compiled agent, as a store does: starts several times faster than tsx. */
    compiled: { type: 'boolean', default: false },
  },
});
const KILLS = Number(values.kills);
const KIOSKS = Number(values.kiosks);
const KIOSK_IDS = Array.from({ length: KIOSKS }, (_, i) => `kiosk-${String(i + 1).padStart(2, '0')}`);
const STORE = 'store-chaos';
const ROOT = join(import.meta.dirname, '..');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const signedMinutes = (ms: number): string => `${ms >= 0 ? '+' : '−'}${Math.round(Math.abs(ms) / 60_000)} min`;
const log = (line: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** The fault matrix, one phase at a time, each for a few kills. */
interface Phase {
  name: string;
  faults: Partial<Faults>;
  /** Done once when the phase begins (tokens expired, the clock jumped). */
  begin?(): void;
}

async function main(): Promise<number> {
  const started = Date.now();
  // The sandbox's clock can jump (tokens, rate windows and timestamps follow it).
  let clockOffset = 0;
  const seed = generateShop({ itemCount: 80, seed: 11 });
  // A tight rate limit: busy phases run into 429 storms.
  const sandbox = await StoklySandbox.start({ rateLimit: { limit: 120, windowMs: 2_000 }, seed, now: () => Date.now() + clockOffset, tokenTtlSeconds: 120 });
  // The agent's own clock, set per process (sim/clock-offset-preload.mjs): it jumps between runs.
  let agentClockOffset = 0;
  const phases: Phase[] = [
    { name: 'errors', faults: { errorRate: 0.15, latencyMs: 0, outage: false, dropAfterCommitRate: 0 } },
    { name: 'dropped answers after commit', faults: { errorRate: 0, latencyMs: 5, outage: false, dropAfterCommitRate: 0.3 } },
    { name: 'timeouts', faults: { errorRate: 0, latencyMs: 1_200, outage: false, dropAfterCommitRate: 0.1 } },
    { name: 'expired tokens', faults: { errorRate: 0.02, latencyMs: 0, outage: false, dropAfterCommitRate: 0.1 }, begin: () => sandbox.expireAllTokens() },
    { name: 'Stok.ly clock jump +2 h', faults: { errorRate: 0.02, latencyMs: 0, outage: false, dropAfterCommitRate: 0.1 }, begin: () => { clockOffset += 2 * 3_600_000; } },
    { name: 'agent clock jump +2 h', faults: { errorRate: 0.05, latencyMs: 0, outage: false, dropAfterCommitRate: 0.15 }, begin: () => { agentClockOffset += 2 * 3_600_000; } },
    { name: 'long outage', faults: { errorRate: 0, latencyMs: 0, outage: true, dropAfterCommitRate: 0 } },
    { name: 'Stok.ly clock jump −90 min', faults: { errorRate: 0.05, latencyMs: 0, outage: false, dropAfterCommitRate: 0.15 }, begin: () => { clockOffset -= 90 * 60_000; } },
    { name: 'agent clock jump −3 h', faults: { errorRate: 0.05, latencyMs: 0, outage: false, dropAfterCommitRate: 0.15 }, begin: () => { agentClockOffset -= 3 * 3_600_000; } },
    { name: 'mixed', faults: { errorRate: 0.05, latencyMs: 20, outage: false, dropAfterCommitRate: 0.15 } },
  ];
  const KILLS_PER_PHASE = Math.max(1, Math.min(40, Math.floor(KILLS / phases.length)));

  const dataDir = mkdtempSync(join(tmpdir(), 'shelfbridge-chaos-'));
  const port = await freePort();
  const config: ConfigInput = {
    storeId: STORE,
    dataDir,
    stokly: {
      baseUrl: sandbox.url, accountKey: sandbox.credentials.accountKey, clientId: sandbox.credentials.clientId,
      locationId: 'LOC-STORE-001', channelId: 'CH-KIOSK', requestTimeoutMs: 1_000, maxRequestsPerMinute: 60_000, rateLimitPauseSeconds: 1,
    },
    kioskApi: { host: '127.0.0.1', port, kiosks: KIOSK_IDS.map((id) => ({ id, tokenSha256: sha256Hex(`t-${id}`) })), requestsPerMinute: 100_000 },
    adminApi: { port: 0, token: 'chaos-admin-token-0000000' },
    tenders: { card: 4, cash: 1 },
    outbox: { concurrency: 4, backoffBaseMs: 50, backoffCapMs: 500, unknownOutcomeGraceMs: 300, pollIntervalMs: 100 },
    sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 },
  };
  const env = { SHELFBRIDGE_STOKLY_SECRET_KEY: sandbox.credentials.secretKey };
  const compiled = values.compiled;
  if (compiled) {
    log('compiling the agent (tsc -p tsconfig.build.json)');
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  }
  const spawnOptions = { compiled, readyTimeoutMs: 120_000 };
  const products = kioskProducts(seed.items);
  const baseUrl = `http://127.0.0.1:${port}`;

  const kiosks = startKiosks({
    baseUrl, kioskIds: KIOSK_IDS, token: (id) => `t-${id}`, products, prefix: `chaos-${Date.now().toString(36)}`,
    resendRate: 0.1, refundRate: 0.2, postTimeoutMs: 3_000, finishWithinMs: 300_000,
  });
  const { books } = kiosks;
  // A contract breach (a 4xx for a valid sale, a resend not answered 200) ends the run at once.
  const breach = kiosks.done.then(() => null, (err: unknown) => err as Error);
  let failed: Error | null = null;
  void breach.then((err) => {
    failed = err;
  });

  // The killer: start, let it run a random moment, SIGKILL, repeat; the fault phase changes every few kills.
  let kills = 0;
  let phaseIndex = -1;
  while (kills < KILLS && !failed) {
    const next = Math.floor(kills / KILLS_PER_PHASE) % phases.length;
    if (next !== phaseIndex) {
      phaseIndex = next;
      const phase = phases[phaseIndex]!;
      sandbox.setFaults(phase.faults);
      phase.begin?.();
      log(`kill ${kills}/${KILLS}: phase "${phase.name}" (agent clock ${signedMinutes(agentClockOffset)}); acknowledged ${books.acknowledgedSales.size} sale(s), ${books.acknowledgedRefunds.size} refund(s)`);
    }
    // Most kills land at a random moment from launch (opening the database, recovering rows
    // left sending, serving); every tenth run is let become ready and serve a while first.
    const victim = launchAgent(config, env, { ...spawnOptions, clockOffsetMs: agentClockOffset });
    if (kills % 10 === 0) {
      await victim.ready.catch(() => undefined);
      await sleep(200 + Math.random() * 1_500);
    } else {
      await sleep(200 + Math.random() * 2_300);
    }
    victim.child.kill('SIGKILL');
    await victim.exited;
    kills++;
  }
  kiosks.stop();
  // The kiosks finish what they hold with an agent up, Stok.ly healthy and the agent's clock
  // set right again (rows scheduled under a clock that was ahead must not wait for it).
  sandbox.setFaults({ errorRate: 0, latencyMs: 0, outage: false, dropAfterCommitRate: 0 });
  log(`kills done; final agent (clock right again, ${signedMinutes(-agentClockOffset)}); kiosks finish what they hold`);
  const current = await spawnAgent(config, env, spawnOptions);
  const kioskError = await breach;
  if (kioskError) {
    current.child.kill('SIGKILL');
    await sandbox.stop();
    console.error(`chaos: a kiosk stopped: ${kioskError.message}`);
    return 1;
  }
  const perKiosk = await kiosks.done;
  log(`kiosks done: ${books.acknowledgedSales.size} sale(s) and ${books.acknowledgedRefunds.size} refund(s) acknowledged; draining`);

  // Drain: everything stored must reach Stok.ly.
  const adminUrl = current.adminUrl;
  const deadline = Date.now() + 300_000;
  let counts = { pending: 0, sending: 0, exception: 0 };
  let lastReport = Date.now();
  for (;;) {
    const res = await fetch(`${adminUrl}/api/status`, { headers: { authorization: `Bearer ${config.adminApi!.token}` } });
    counts = ((await res.json()) as { counts: typeof counts }).counts;
    if (counts.pending + counts.sending === 0) break;
    if (Date.now() > deadline) break;
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      log(`draining: ${JSON.stringify(counts)}`);
    }
    await sleep(250);
  }
  current.child.kill('SIGTERM');
  const exitCode = await current.exited;

  // The books.
  const db = new Database(join(dataDir, 'shelfbridge.db'), { readonly: true });
  const integrity = String(db.pragma('integrity_check', { simple: true }));
  const storedSales = new Set((db.prepare('SELECT sale_id FROM sales').all() as Array<{ sale_id: string }>).map((r) => r.sale_id));
  const storedRefunds = new Set((db.prepare('SELECT refund_id FROM refunds').all() as Array<{ refund_id: string }>).map((r) => r.refund_id));
  db.close();

  const orders = new Map<string, number>();
  for (const o of sandbox.state.saleOrders.values()) orders.set(o.sourceReferenceId, (orders.get(o.sourceReferenceId) ?? 0) + 1);
  const notes = new Map<string, number>();
  for (const n of sandbox.state.creditNotes.values()) {
    const ref = (n.body as { sourceReferenceId?: string }).sourceReferenceId ?? '';
    notes.set(ref, (notes.get(ref) ?? 0) + 1);
  }
  const ref = (id: string) => `${STORE}/${id}`;
  const ackedSales = books.acknowledgedSales;
  const ackedRefunds = new Set(books.acknowledgedRefunds.keys());
  const lostSales = [...ackedSales.keys()].filter((id) => !storedSales.has(id) || (orders.get(ref(id)) ?? 0) === 0);
  const lostRefunds = [...ackedRefunds].filter((id) => !storedRefunds.has(id) || (notes.get(ref(id)) ?? 0) === 0);
  const duplicated = [...orders, ...notes].filter(([, n]) => n > 1).map(([r]) => r);
  // Nothing in Stok.ly that the agent never stored (a ghost order would be a duplicate in disguise).
  const ghosts = [...orders.keys()].filter((r) => !storedSales.has(r.slice(STORE.length + 1)))
    .concat([...notes.keys()].filter((r) => !storedRefunds.has(r.slice(STORE.length + 1))));
  const inStoklySales = [...ackedSales.keys()].filter((id) => (orders.get(ref(id)) ?? 0) >= 1).length;
  const inStoklyRefunds = [...ackedRefunds].filter((id) => (notes.get(ref(id)) ?? 0) >= 1).length;

  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log('');
  console.log(`chaos: ${kills} SIGKILLs, ${KIOSKS} kiosks (${perKiosk.join(' + ')} sales), ${minutes} min, ${compiled ? 'compiled agent' : 'agent from source (tsx)'}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`);
  console.log(`kiosk requests without an answer (agent down): ${books.interrupted}; resends answered 200: ${books.resends}`);
  console.log(`acknowledged: ${ackedSales.size} sales, ${ackedRefunds.size} refunds`);
  console.log(`in Stok.ly:   ${inStoklySales} sales, ${inStoklyRefunds} refunds`);
  console.log(`lost:         ${lostSales.length + lostRefunds.length}`);
  console.log(`duplicated:   ${duplicated.length}`);
  console.log(`ghosts:       ${ghosts.length}`);
  console.log(`outbox after drain: pending ${counts.pending + counts.sending}, exceptions ${counts.exception}; clean stop exit code ${exitCode}`);
  console.log(`integrity:    ${integrity}`);

  const violations = [
    ...lostSales.map((id) => `lost sale ${id}`), ...lostRefunds.map((id) => `lost refund ${id}`),
    ...duplicated.map((r) => `duplicated ${r}`), ...ghosts.map((r) => `in Stok.ly but never stored: ${r}`),
    ...(integrity === 'ok' ? [] : [`integrity_check: ${integrity}`]),
    ...(counts.pending + counts.sending + counts.exception === 0 ? [] : [`outbox not drained: ${JSON.stringify(counts)}`]),
    ...(exitCode === 0 ? [] : [`the final agent stopped with ${exitCode}`]),
  ];
  await sandbox.stop();
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
  else console.log(`data kept in ${dataDir}`);
  if (violations.length) {
    console.log(`VIOLATIONS (${violations.length}):\n  ${violations.slice(0, 50).join('\n  ')}`);
    return 1;
  }
  console.log('OK: every acknowledged sale and refund is in Stok.ly exactly once');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
