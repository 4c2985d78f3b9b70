import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { ConfigInput } from '../../electron/core/config.js';
import { sha256Hex } from '../../electron/core/kiosk/auth.js';
import { silenceLogging } from '../../electron/core/logging/logger.js';
import { kioskProducts } from '../../sim/kiosks/catalogue.js';
import { startKiosks } from '../../sim/kiosks/kiosk-loop.js';
import { StoklySandbox } from '../../sim/stokly/sandbox.js';
import { generateShop } from '../../sim/stokly/seed.js';
import { freePort, spawnAgent, type AgentProcess } from '../../sim/agent-process.js';
import { dbQueries } from '../support/db-queries.js';

/**
 * The promise of the outbox, tested the hard way: the agent is SIGKILLed at random moments,
 * again and again, while kiosks post and resend and Stok.ly drops answers after committing.
 */
const KILLS = 32;
const KIOSKS = 4;
const SALES_PER_KIOSK = 75; // 300 sales
const KIOSK_IDS = Array.from({ length: KIOSKS }, (_, i) => `kiosk-${String(i + 1).padStart(2, '0')}`);

let sandbox: StoklySandbox | null = null;
let current: AgentProcess | null = null;
afterAll(async () => {
  current?.child.kill('SIGKILL');
  await sandbox?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it(`every acknowledged sale reaches Stok.ly exactly once across ${KILLS} SIGKILLs`, async () => {
  silenceLogging();
  const seed = generateShop({ itemCount: 80, seed: 11 });
  sandbox = await StoklySandbox.start({ rateLimit: null, seed });
  sandbox.setFaults({ dropAfterCommitRate: 0.15, latencyMs: 5, errorRate: 0.03 });
  const dataDir = mkdtempSync(join(tmpdir(), 'shelfbridge-fault-'));
  const port = await freePort();
  const config: ConfigInput = {
    storeId: 'store-fault',
    dataDir,
    stokly: {
      baseUrl: sandbox.url, accountKey: sandbox.credentials.accountKey, clientId: sandbox.credentials.clientId,
      locationId: 'LOC-STORE-001', channelId: 'CH-KIOSK', requestTimeoutMs: 2_000, maxRequestsPerMinute: 60_000, rateLimitPauseSeconds: 1,
    },
    kioskApi: { host: '127.0.0.1', port, kiosks: KIOSK_IDS.map((id) => ({ id, tokenSha256: sha256Hex(`t-${id}`) })), requestsPerMinute: 100_000 },
    adminApi: { port: 0, token: 'fault-test-admin-token-000' },
    tenders: { card: 4, cash: 1 },
    outbox: { concurrency: 4, backoffBaseMs: 50, backoffCapMs: 500, unknownOutcomeGraceMs: 300, pollIntervalMs: 100 },
  };
  const env = { SHELFBRIDGE_STOKLY_SECRET_KEY: sandbox.credentials.secretKey };
  const products = kioskProducts(seed.items);
  const baseUrl = `http://127.0.0.1:${port}`;

  // Kiosks: post each sale and resend until acknowledged — except a few they give up on after one try.
  const kiosks = startKiosks({
    baseUrl, kioskIds: KIOSK_IDS, token: (id) => `t-${id}`, products, prefix: 'fault', salesPerKiosk: SALES_PER_KIOSK, giveUpEvery: 25,
  });
  let kioskDone = false;
  // A kiosk answered out of contract ends the run at once, with its reason, instead of at the safety bound.
  let kioskFailed = false;
  const kiosksFinished = kiosks.done.then(
    () => {
      kioskDone = true;
    },
    (err: unknown) => {
      kioskFailed = true;
      throw err;
    },
  );
  kiosksFinished.catch(() => undefined);
  const { books } = kiosks;

  // The killer: start, let it run a random moment, SIGKILL, repeat.
  let kills = 0;
  while ((kills < KILLS || !kioskDone) && !kioskFailed) {
    current = await spawnAgent(config, env, { readyTimeoutMs: 120_000 });
    await sleep(150 + Math.random() * 600);
    current.child.kill('SIGKILL');
    await current.exited;
    kills++;
    if (kills > KILLS * 4) break; // safety bound; kiosks finish long before
  }
  await kiosksFinished;
  expect(kills).toBeGreaterThanOrEqual(KILLS);
  const acknowledged = new Set(books.acknowledgedSales.keys());
  const { abandoned, made: allSales } = books;

  // Final run with a healthy Stok.ly: everything stored must drain.
  sandbox.setFaults({ dropAfterCommitRate: 0, errorRate: 0, latencyMs: 0 });
  current = await spawnAgent(config, env, { readyTimeoutMs: 120_000 });
  const adminUrl = current.adminUrl;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`${adminUrl}/api/status`, { headers: { authorization: `Bearer ${config.adminApi!.token}` } });
    const status = (await res.json()) as { counts: { pending: number; sending: number; exception: number } };
    if (status.counts.pending + status.counts.sending === 0) {
      expect(status.counts.exception).toBe(0);
      break;
    }
    if (Date.now() > deadline) throw new Error(`outbox did not drain: ${JSON.stringify(status.counts)}`);
    await sleep(200);
  }
  current.child.kill('SIGTERM');
  expect(await current.exited).toBe(0);
  current = null;

  const db = new Database(join(dataDir, 'shelfbridge.db'), { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const stored = new Set(dbQueries(db).saleIds());
  const notDone = dbQueries(db).outboxCount({ notStatus: 'done' });
  db.close();
  expect(notDone).toBe(0);

  const ordersByRef = new Map<string, number>();
  for (const o of sandbox.state.saleOrders.values()) ordersByRef.set(o.sourceReferenceId, (ordersByRef.get(o.sourceReferenceId) ?? 0) + 1);
  const ref = (saleId: string): string => `store-fault/${saleId}`;

  // Every acknowledged sale is stored and is in Stok.ly exactly once.
  expect(acknowledged.size).toBeGreaterThan(KIOSKS * SALES_PER_KIOSK - abandoned.size - 1);
  for (const saleId of acknowledged) {
    expect(stored.has(saleId), `acknowledged sale ${saleId} stored`).toBe(true);
    expect(ordersByRef.get(ref(saleId)), `orders for ${saleId}`).toBe(1);
  }
  // No duplicates anywhere, and no order for a sale the agent never stored.
  for (const [reference, count] of ordersByRef) {
    expect(count, `orders for ${reference}`).toBe(1);
    expect(stored.has(reference.replace('store-fault/', '')), `order ${reference} has a stored sale`).toBe(true);
  }
  // A sale abandoned without acknowledgement has an order only if the agent had committed it.
  for (const saleId of abandoned) {
    if (!acknowledged.has(saleId)) expect(ordersByRef.has(ref(saleId))).toBe(stored.has(saleId));
  }
  expect(ordersByRef.size).toBe(stored.size);
  expect(allSales.length).toBe(KIOSKS * SALES_PER_KIOSK);

  // The faults really happened: kiosks were cut off, answers were lost after commits, and the
  // agent looked orders up before re-posting instead of posting blindly.
  const log = sandbox.requestLog();
  expect(books.interrupted).toBeGreaterThan(KILLS);
  expect(log.filter((r) => r.status === 'dropped').length).toBeGreaterThan(5);
  expect(log.filter((r) => r.method === 'GET' && r.path === '/v2/saleorders').length).toBeGreaterThan(5);
}, 600_000);
