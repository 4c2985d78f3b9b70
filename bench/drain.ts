import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startAgent } from '../electron/core/index.js';
import { kioskProducts } from '../sim/kiosks/catalogue.js';
import { KioskClient } from '../sim/kiosks/kiosk-client.js';
import { SaleFactory } from '../sim/kiosks/sale-factory.js';
import { COLLECTED_LINE_STATUS, StoklySandbox, type RequestLogEntry } from '../sim/stokly/sandbox.js';
import { generateShop } from '../sim/stokly/seed.js';
import { benchConfig, benchKiosks, tempDir } from './support/agent.js';
import type { Flags } from './support/args.js';
import { printMachineFacts } from './support/machine.js';
import { fmt, pct, table, verdict } from './support/stats.js';

/**
 * An offline backlog meets a rate-limited Stok.ly: how close does the agent get to the limit?
 * Sales are queued through the kiosk API during an outage, then Stok.ly comes back with a fixed
 * latency and a fixed-window rate limit, and the agent's pace is set just under that limit.
 */

export const DRAIN_FLAGS = ['sales', 'latency', 'limit', 'window', 'pace', 'concurrency', 'outage', 'kiosks'] as const;

/** Requests a sale needs at best: create the order, read its lines, collect the store lines. */
const MIN_REQUESTS_PER_SALE = 3;
const STORE_ID = 'store-001';

function category(e: RequestLogEntry): string {
  if (e.path === '/v1/grant') return 'grant';
  if (e.method === 'GET' && e.path === '/v0/items') return decodeURIComponent(e.url).includes('[sku]') ? 'SKU lookup' : 'catalogue pull (page)';
  if (e.method === 'GET' && e.path === '/v1/inventory-records') return 'stock pull (page)';
  if (e.method === 'POST' && e.path === '/v2/saleorders') return 'create order';
  if (e.method === 'GET' && e.path === '/v2/saleorders') return 'order lookup by reference';
  if (e.method === 'GET' && /^\/v2\/saleorders\/[^/]+\/items$/.test(e.path)) return 'read order lines';
  if (e.method === 'POST' && /^\/v2\/saleorders\/[^/]+\/collect-items$/.test(e.path)) return 'collect items';
  if (e.path === '/v0/locations') return 'connectivity probe';
  return `${e.method} ${e.path}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function drainBench(flags: Flags): Promise<void> {
  flags.assertKnown(DRAIN_FLAGS);
  const salesCount = flags.number('sales', 5000);
  const latencyMs = flags.number('latency', 20);
  const limit = flags.number('limit', 6000);
  const windowMs = flags.number('window', 60_000);
  const limitPerMinute = (limit * 60_000) / windowMs;
  // "Just under": one second's worth of requests below the limit (6000/min → 5900/min).
  const pace = flags.number('pace', Math.floor(limitPerMinute - limitPerMinute / 60));
  const concurrencyFlag = flags.number('concurrency', 0);
  const concurrency = concurrencyFlag > 0 ? concurrencyFlag : undefined;
  const outageHoldMs = flags.number('outage', 0) * 1000;
  const kioskCount = flags.number('kiosks', 8);

  printMachineFacts(tmpdir());
  const seed = generateShop({ itemCount: 60, seed: 7 });
  const products = kioskProducts(seed.items);
  const sandbox = await StoklySandbox.start({ rateLimit: { limit, windowMs }, seed });
  const dataDir = tempDir('drain');
  const kiosks = benchKiosks(kioskCount);
  const config = benchConfig({
    dataDir, stoklyBaseUrl: sandbox.url, kiosks,
    accountKey: sandbox.credentials.accountKey, clientId: sandbox.credentials.clientId,
    maxRequestsPerMinute: pace, ...(concurrency === undefined ? {} : { concurrency }),
  });
  const agent = await startAgent(config, { stoklySecretKey: sandbox.credentials.secretKey }, { logConsole: false });
  const allowedPerSecond = limit / (windowMs / 1000);
  // A running store: catalogue and stock pulled before the line goes down.
  await agent.sync('catalog');
  await agent.sync('stock');
  sandbox.setFaults({ outage: true });

  console.log(`drain: ${fmt(salesCount)} sales; Stok.ly sandbox limit ${fmt(limit)} requests per ${fmt(windowMs / 1000)} s window (${fmt(allowedPerSecond, 1)}/s), latency ${latencyMs} ms once back`);
  console.log(`  agent: stokly.maxRequestsPerMinute ${fmt(pace)}, outbox.concurrency ${config.outbox.concurrency}, rateLimitPauseSeconds ${config.stokly.rateLimitPauseSeconds},`);
  console.log(`         backoff ${config.outbox.backoffBaseMs} ms base / ${config.outbox.backoffCapMs / 1000} s cap, pollIntervalMs ${config.outbox.pollIntervalMs} (production defaults unless given)`);
  console.log('  the agent pulls catalogue and stock first, then Stok.ly goes down and the kiosks sell.');

  try {
    // 1. The backlog: kiosks post while Stok.ly is out (connections dropped without an answer).
    const saleIds: string[] = [];
    let issued = 0;
    const queueStart = Date.now();
    await Promise.all(
      kiosks.map(async (k) => {
        const client = new KioskClient(agent.kioskUrl, k.id, k.token);
        const factory = new SaleFactory(k.id, products);
        while (issued < salesCount) {
          issued++;
          const sale = factory.make();
          const res = await client.postSale(sale);
          if (res.status !== 201) throw new Error(`kiosk ${k.id}: sale ${sale.saleId} answered ${res.status} ${JSON.stringify(res.body)}`);
          saleIds.push(sale.saleId);
        }
      }),
    );
    const queuedIn = Date.now() - queueStart;
    if (outageHoldMs > 0) await sleep(outageHoldMs);
    const before = agent.db
      .prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(attempts), 0) AS attempts, COALESCE(MAX(attempts), 0) AS maxAttempts,
                       COALESCE(SUM(next_attempt_at <= @now), 0) AS dueNow, MAX(next_attempt_at) AS lastDue
                FROM outbox WHERE status IN ('pending', 'sending')`)
      .get({ now: Date.now() }) as { n: number; attempts: number; maxAttempts: number; dueNow: number; lastDue: number | null };
    console.log(`\nbacklog: ${fmt(saleIds.length)} sales accepted in ${fmt(queuedIn / 1000, 1)} s, outage held ${outageHoldMs / 1000} s more; ${fmt(before.n)} rows waiting;`);
    console.log(`  failed attempts during the outage ${fmt(before.attempts)} (max ${before.maxAttempts} on one row); due now ${fmt(before.dueNow)};` +
      ` last row due in ${fmt(Math.max(0, (before.lastDue ?? Date.now()) - Date.now()) / 1000, 1)} s (backoff)`);

    const outageRequests = sandbox.requestLog().filter((e) => e.status === 'dropped').length;
    const outageSeconds = (Date.now() - queueStart) / 1000;
    console.log(`  requests the agent sent to Stok.ly during the outage: ${fmt(outageRequests)} (${fmt(outageRequests / outageSeconds, 1)}/s), all dropped`);

    // 2. Stok.ly is back.
    const drainStart = Date.now();
    sandbox.setFaults({ outage: false, latencyMs });
    const idealSeconds = (salesCount * MIN_REQUESTS_PER_SALE) / allowedPerSecond;
    const deadline = drainStart + Math.max(600_000, idealSeconds * 10_000);
    let lastReport = drainStart;
    for (;;) {
      const c = agent.outbox.counts();
      if (c.pending + c.sending === 0) break;
      if (Date.now() > deadline) throw new Error(`not drained after ${fmt((Date.now() - drainStart) / 1000)} s: ${JSON.stringify(c)}`);
      if (Date.now() - lastReport >= 15_000) {
        lastReport = Date.now();
        console.log(`  … ${fmt((lastReport - drainStart) / 1000)} s: ${fmt(c.done)} done, ${fmt(c.pending)} pending, ${c.sending} sending, ${c.exception} exceptions`);
      }
      await sleep(50);
    }
    const { lastDone } = agent.db.prepare('SELECT MAX(done_at) AS lastDone FROM outbox').get() as { lastDone: number };
    const wallSeconds = (lastDone - drainStart) / 1000;
    const counts = agent.outbox.counts();

    // 3. Exactly once: one order per sale, and its store lines collected.
    const ordersByRef = new Map<string, number>();
    let fullyCollected = 0;
    for (const order of sandbox.state.saleOrders.values()) {
      ordersByRef.set(order.sourceReferenceId, (ordersByRef.get(order.sourceReferenceId) ?? 0) + 1);
      if (order.lines.every((l) => l.status === COLLECTED_LINE_STATUS)) fullyCollected++;
    }
    const orderCount = (id: string): number => ordersByRef.get(`${STORE_ID}/${id}`) ?? 0;
    const missing = saleIds.filter((id) => orderCount(id) === 0).length;
    const duplicated = saleIds.filter((id) => orderCount(id) > 1).length;
    const exactlyOnce = missing === 0 && duplicated === 0 && sandbox.state.saleOrders.size === saleIds.length;

    // 4. What was asked of Stok.ly after it came back.
    const log = sandbox.requestLog().filter((e) => e.at >= drainStart && e.at <= lastDone);
    const served = log.filter((e) => e.status !== 'dropped');
    const byCategory = new Map<string, number>();
    for (const e of served) byCategory.set(category(e), (byCategory.get(category(e)) ?? 0) + 1);
    const statusCount = (pred: (s: number) => boolean): number => served.filter((e) => typeof e.status === 'number' && pred(e.status)).length;
    const rateLimited = statusCount((s) => s === 429);
    const counted = served.length - rateLimited; // refused requests do not count against the window
    let longestGap = 0;
    let gapsOver500 = 0;
    let gapTime = 0;
    let prev = drainStart;
    for (const e of served) {
      const gap = e.at - prev;
      if (gap > longestGap) longestGap = gap;
      if (gap > 500) {
        gapsOver500++;
        gapTime += gap;
      }
      prev = e.at;
    }

    const salesPerSecond = saleIds.length / wallSeconds;
    const requestsPerSecond = counted / wallSeconds;
    const idealSalesPerSecond = allowedPerSecond / MIN_REQUESTS_PER_SALE;
    console.log(`\ndrained in ${fmt(wallSeconds, 1)} s (the limit allows it in ${fmt(idealSeconds, 1)} s at ${MIN_REQUESTS_PER_SALE} requests a sale)`);
    console.log(`  outbox: ${fmt(counts.done)} done, ${counts.exception} exceptions, ${counts.pending + counts.sending} left`);
    console.log(`  Stok.ly: ${fmt(sandbox.state.saleOrders.size)} orders for ${fmt(saleIds.length)} sales; ${missing} sales without an order, ${duplicated} with more than one; ` +
      `${fmt(fullyCollected)} orders fully collected`);
    console.log(`  requests: ${fmt(served.length)} answered (${rateLimited} × 429), ${fmt(counted / saleIds.length, 3)} per sale; ` +
      `${gapsOver500} silences > 0.5 s totalling ${fmt(gapTime / 1000, 1)} s, longest ${fmt(longestGap)} ms`);
    console.log('');
    console.log(table(['request', 'count', 'per sale'], [...byCategory.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => [name, fmt(n), fmt(n / saleIds.length, 3)])));
    console.log('');
    console.log(table(['rate', 'measured', 'the limit allows', 'share'], [
      ['requests/s', fmt(requestsPerSecond, 1), fmt(allowedPerSecond, 1), pct(requestsPerSecond, allowedPerSecond)],
      ['sales/s', fmt(salesPerSecond, 1), `${fmt(idealSalesPerSecond, 1)} (at ${MIN_REQUESTS_PER_SALE} req/sale)`, pct(salesPerSecond, idealSalesPerSecond)],
    ]));
    console.log('');

    // Requests per 10 s: where the time went.
    const buckets: number[] = [];
    for (const e of served) {
      const i = Math.floor((e.at - drainStart) / 10_000);
      buckets[i] = (buckets[i] ?? 0) + 1;
    }
    console.log(`requests per 10 s: ${Array.from(buckets, (n) => n ?? 0).join(' ')}`);
    console.log(`  (the pace alone allows ${fmt((pace / 60) * 10)} per 10 s; the limit ${fmt(allowedPerSecond * 10)})\n`);

    console.log('Goals');
    console.log(`  ${verdict(exactlyOnce && counts.exception === 0)}  every sale became exactly one order (${missing} missing, ${duplicated} duplicated, ${counts.exception} exceptions)`);
    console.log(`  ${verdict(salesPerSecond >= 0.9 * idealSalesPerSecond)}  sales drained ≥ 90 % of what the limit allows: ${pct(salesPerSecond, idealSalesPerSecond)}`);
    console.log(`  ${verdict(requestsPerSecond >= 0.9 * allowedPerSecond)}  requests ≥ 90 % of the limit: ${pct(requestsPerSecond, allowedPerSecond)}`);
  } finally {
    await agent.stop();
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
