import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../electron/core/kiosk/auth.js';
import { grantSignature } from '../electron/core/stokly/auth.js';
import type { ConfigInput } from '../electron/core/config.js';
import { AGENT_NODE_FLAGS } from '../electron/core/node-flags.js';
import { spawnAgent, type AgentProcess } from '../sim/agent-process.js';
import type { Flags } from './support/args.js';
import { tempDir } from './support/agent.js';
import { printMachineFacts } from './support/machine.js';
import { startSandboxProcess } from './support/sandbox-process.js';
import { fmt, percentile, sortedCopy, table, verdict } from './support/stats.js';

const CREDENTIALS = { accountKey: 'sandbox', clientId: 'sandbox-client', secretKey: 'sandbox-secret' };
const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const KIOSK_TOKEN = 'bench-sync-kiosk';
const now = (): number => performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The network floor: the same pages the agent reads, fetched and parsed, nothing stored. */
async function fetchFloor(base: string): Promise<{ ms: number; records: number }> {
  const start = now();
  const grant = await json<{ data: { authenticationResult: { accessToken: string } } }>(`${base}/v1/grant`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accountkey: CREDENTIALS.accountKey, clientId: CREDENTIALS.clientId, signature: grantSignature(CREDENTIALS.secretKey, CREDENTIALS.clientId) }),
  });
  const headers = { authorization: `Bearer ${grant.data.authenticationResult.accessToken}` };
  const pages = async (path: string, query: string): Promise<number> => {
    let total = 0;
    for (let page = 0; ; page++) {
      const res = await json<{ data: unknown[] }>(`${base}${path}?${query}&page=${page}&size=1000`, { headers });
      total += res.data.length;
      if (res.data.length < 1000) return total;
    }
  };
  await pages('/v0/items', 'sortField=timeUpdated&sortDirection=ASC');
  const records = await pages('/v1/inventory-records', `${new URLSearchParams({ filter: '[locationId]=={LOC-STORE-001}' })}&sortField=itemId&sortDirection=ASC`);
  return { ms: now() - start, records };
}

/** Linux's high-water mark of the agent process's resident memory. */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m?.[1] ? Number(m[1]) / 1024 : Number.NaN;
}

interface Status {
  sync: { stock: { lastSuccessAt: string | null }; catalog: { lastSuccessAt: string | null } };
}

const admin = <T>(agent: AgentProcess, path: string, method = 'GET'): Promise<T> =>
  json<T>(`${agent.adminUrl}${path}`, { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });

/** `kiosks` screens each asking for 200 SKUs every `everyMs` (0: as fast as answers come). */
async function stockLoad(agent: AgentProcess, skus: string[], kiosks: number, seconds: number, everyMs: number) {
  const url = `${agent.kioskUrl}/v1/stock?${skus.map((s) => `sku=${encodeURIComponent(s)}`).join('&')}`;
  const times: number[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: kiosks }, async (_, k) => {
    if (everyMs > 0) await sleep((everyMs * k) / kiosks); // screens are not in step
    while (Date.now() < until) {
      const t = now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${KIOSK_TOKEN}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`/v1/stock answered ${res.status}`);
      const took = now() - t;
      times.push(took);
      if (everyMs > 0) await sleep(Math.max(0, everyMs - took));
    }
  }));
  const sorted = sortedCopy(times);
  return { n: times.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** Time from a stock change in Stok.ly to the `stock` event on /v1/events, the pull on its own interval. */
async function eventLatency(agent: AgentProcess, sandboxUrl: string, itemId: string, sku: string, onHand: number): Promise<number> {
  const controller = new AbortController();
  const res = await fetch(`${agent.kioskUrl}/v1/events`, { headers: { authorization: `Bearer ${KIOSK_TOKEN}` }, signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const changedAt = now();
  await json(`${sandboxUrl}/__sandbox/stock`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ itemId, locationId: 'LOC-STORE-001', onHand }) });
  let text = '';
  const needle = `"sku":"${sku}","available":${onHand}`;
  while (!text.includes(needle)) {
    const { value, done } = await reader.read();
    if (done) throw new Error('event stream closed');
    text += decoder.decode(value);
  }
  controller.abort();
  return now() - changedAt;
}

export async function syncBench(flags: Flags): Promise<void> {
  const items = flags.number('items', 50_000);
  const changed = flags.number('changed', 100);
  const kiosks = flags.number('kiosks', 20);
  const loadSeconds = flags.number('seconds', 10);
  const every = flags.number('every', 1000);
  const interval = flags.number('interval', 10);
  // --heap-mb N: run the agent with V8's old space capped (a store could ship with such a cap).
  const heapMb = flags.number('heap-mb', 0);
  const dir = tempDir('sync');
  printMachineFacts(dir);

  console.log(`starting the Stok.ly sandbox (${fmt(items)} items) in its own process…`);
  const sandbox = await startSandboxProcess({ items, rateLimitPerMinute: 0 });
  let agent: AgentProcess | null = null;
  try {
    await fetchFloor(sandbox.url); // warm the sandbox's caches so neither side pays for them first
    const floor = await fetchFloor(sandbox.url);

    const config: ConfigInput = {
      storeId: 'store-001', dataDir: dir,
      stokly: { baseUrl: sandbox.url, accountKey: CREDENTIALS.accountKey, clientId: CREDENTIALS.clientId, locationId: 'LOC-STORE-001', channelId: 'CH-KIOSK', maxRequestsPerMinute: 60_000 },
      kioskApi: { host: '127.0.0.1', port: 0, kiosks: [{ id: 'kiosk-01', tokenSha256: sha256Hex(KIOSK_TOKEN) }], requestsPerMinute: 10_000_000 },
      adminApi: { port: 0, token: ADMIN_TOKEN },
      tenders: { card: 4 },
      sync: { stockIntervalSeconds: interval, catalogIntervalSeconds: 3600 },
      catalog: { taxRates: { standard: 20, reduced: 5, zero: 0 } },
      logLevel: 'error',
    };
    // The compiled agent, as a store runs it (tsx compiling in-process would add ~60 MB).
    console.log('building the agent (tsc)…');
    const build = spawnSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.node.json'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('tsc failed');
    // The first sync happens at start, as in a store: from "ready" until both pulls have succeeded.
    // With the node flags a store runs it with (npm run start:headless, the systemd unit).
    agent = await spawnAgent(config, {
      SHELFBRIDGE_STOKLY_SECRET_KEY: CREDENTIALS.secretKey,
      NODE_OPTIONS: [...AGENT_NODE_FLAGS.filter((f) => heapMb === 0 || !f.startsWith('--max-old-space-size=')), heapMb > 0 ? `--max-old-space-size=${heapMb}` : ''].filter(Boolean).join(' '),
    }, { compiled: true });
    const readyAt = now();
    let full = Number.NaN;
    for (;;) {
      const s = await admin<Status>(agent, '/api/status');
      if (s.sync.catalog.lastSuccessAt && s.sync.stock.lastSuccessAt) {
        full = now() - readyAt;
        break;
      }
      await sleep(25);
    }
    const peakMb = peakRssMb(agent.child.pid!);

    const products = await json<{ items: Array<{ sku: string }> }>(`${agent.kioskUrl}/v1/products`, { headers: { authorization: `Bearer ${KIOSK_TOKEN}` } });
    const skus = products.items.slice(0, 200).map((p) => p.sku);
    const sandboxItems = await json<{ data: Array<{ itemId: string; sku: string }> }>(`${sandbox.url}/v0/items?size=1000&page=0&${new URLSearchParams({ filter: `[sku]=*{${skus.slice(0, Math.max(changed, 1)).join(',')}}` })}`, {
      headers: { authorization: `Bearer ${(await json<{ data: { authenticationResult: { accessToken: string } } }>(`${sandbox.url}/v1/grant`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accountkey: CREDENTIALS.accountKey, clientId: CREDENTIALS.clientId, signature: grantSignature(CREDENTIALS.secretKey, CREDENTIALS.clientId) }) })).data.authenticationResult.accessToken}` },
    });
    for (const item of sandboxItems.data.slice(0, changed)) {
      await json(`${sandbox.url}/__sandbox/items/${item.itemId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `${item.sku} (renamed)` }) });
    }
    const incStart = now();
    await admin(agent, '/api/sync/catalog', 'POST');
    const incremental = now() - incStart;
    const renamed = (await json<{ items: Array<{ name: string }> }>(`${agent.kioskUrl}/v1/products`, { headers: { authorization: `Bearer ${KIOSK_TOKEN}` } }))
      .items.filter((p) => p.name.endsWith('(renamed)')).length;

    const paced = await stockLoad(agent, skus, kiosks, loadSeconds, every);
    const flatOut = await stockLoad(agent, skus, kiosks, Math.min(loadSeconds, 5), 0);
    const target = sandboxItems.data[0]!;
    const latency = await eventLatency(agent, sandbox.url, target.itemId, target.sku, 777);
    const peakAfter = peakRssMb(agent.child.pid!);

    console.log(`\n${fmt(items)} items, ${fmt(floor.records)} inventory records at the store location; agent in its own process${heapMb > 0 ? ` with --max-old-space-size=${heapMb}` : ''}\n`);
    console.log(table(['measure', 'value', 'goal', 'verdict'], [
      ['network floor: fetch the same pages', `${fmt(floor.ms)} ms`, '', ''],
      ['full first sync (catalogue + stock, from ready)', `${fmt(full)} ms`, `≤ ${fmt(floor.ms * 1.3)} ms (1.3 × floor)`, verdict(full <= floor.ms * 1.3)],
      ['  ratio to the floor', `${fmt(full / floor.ms, 2)} ×`, '≤ 1.30 ×', ''],
      ['agent peak RSS after the first sync (VmHWM)', `${fmt(peakMb)} MB`, '< 150 MB', verdict(peakMb < 150)],
      [`incremental pull, ${changed} changed items (admin sync)`, `${fmt(incremental)} ms (${renamed} seen on /v1/products)`, '< 1,000 ms', verdict(incremental < 1000 && renamed >= Math.min(changed, skus.length))],
      [`GET /v1/stock 200 SKUs, ${kiosks} kiosks each every ${every} ms: p50`, `${fmt(paced.p50, 1)} ms`, '', ''],
      [`  p99 (${fmt(paced.n)} requests, max ${fmt(paced.max, 1)} ms)`, `${fmt(paced.p99, 1)} ms`, '< 20 ms', verdict(paced.p99 < 20)],
      [`  same, ${kiosks} kiosks flat out: p50 / p99 (${fmt(flatOut.n)} requests)`, `${fmt(flatOut.p50, 1)} / ${fmt(flatOut.p99, 1)} ms`, 'saturation, for reference', ''],
      [`stock change in Stok.ly → event (pull every ${interval} s)`, `${fmt(latency)} ms`, `≤ ${fmt((interval + 1) * 1000)} ms`, verdict(latency <= (interval + 1) * 1000)],
      ['agent peak RSS at the end (VmHWM)', `${fmt(peakAfter)} MB`, '', ''],
    ]));
  } finally {
    agent?.child.kill('SIGTERM');
    await agent?.exited;
    await sandbox.stop();
  }
}
