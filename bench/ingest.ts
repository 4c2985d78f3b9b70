import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { better, defineQueue, type Logger } from 'plainjob';
import { openDatabase, type Db } from '../electron/core/db/connection.js';
import { kioskProducts, type KioskProduct } from '../sim/kiosks/catalogue.js';
import { KioskClient } from '../sim/kiosks/kiosk-client.js';
import { SaleFactory, type SaleOptions } from '../sim/kiosks/sale-factory.js';
import { generateShop, type ShopSeed } from '../sim/stokly/seed.js';
import { benchKiosks, tempDir } from './support/agent.js';
import { UsageError, type Flags } from './support/args.js';
import { runFleet } from './support/kiosk-fleet.js';
import { loadAverage, printMachineFacts } from './support/machine.js';
import { startOfflineAgent, type OfflineMode } from './support/offline-agent.js';
import { fmt, median, percentile, sortedCopy, table, verdict } from './support/stats.js';

/**
 * How fast the agent acknowledges kiosk sales, next to what the disk allows: a bare
 * INSERT + COMMIT loop with the same pragmas, and an off-the-shelf SQLite job queue (plainjob).
 */

export const INGEST_FLAGS = ['seconds', 'warmup', 'rounds', 'kiosks', 'log', 'stokly', 'sales'] as const;

interface Measurement {
  rate: number;
  p50: number;
  p99: number;
  count: number;
}

interface RoundResult {
  raw: Measurement;
  plainjob: Measurement;
  agent: Map<number, AgentMeasurement>;
}

const silent: Logger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

/** The durability the agent promises, checked rather than assumed (plainjob sets synchronous=NORMAL itself). */
function assertPragmas(db: Db, what: string): void {
  const journal = db.pragma('journal_mode', { simple: true });
  const sync = db.pragma('synchronous', { simple: true });
  if (journal !== 'wal' || sync !== 2) throw new Error(`${what}: journal_mode=${String(journal)} synchronous=${String(sync)}, expected wal / 2 (FULL)`);
}

/** Calls `op` back to back: `warmupMs` unmeasured, then `measureMs` timed one call at a time. */
function timeLoop(op: (i: number) => void, warmupMs: number, measureMs: number): Measurement {
  let i = 0;
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) op(i++);
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + measureMs;
  let now = start;
  while (now < end) {
    const t0 = now;
    op(i++);
    now = performance.now();
    latencies.push(now - t0);
  }
  const sorted = sortedCopy(latencies);
  return { rate: latencies.length / ((now - start) / 1000), p50: percentile(sorted, 50), p99: percentile(sorted, 99), count: latencies.length };
}

function rawInsertCommit(payloads: readonly string[], warmupMs: number, measureMs: number): Measurement {
  const dir = tempDir('raw');
  const db = openDatabase(join(dir, 'raw.db'));
  try {
    assertPragmas(db, 'raw loop');
    db.exec('CREATE TABLE raw_outbox (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, created_at INTEGER NOT NULL) STRICT');
    const insert = db.prepare('INSERT INTO raw_outbox (payload, created_at) VALUES (?, ?)');
    // Autocommit: every run() is its own BEGIN … INSERT … COMMIT, one WAL fsync each.
    return timeLoop((i) => insert.run(payloads[i % payloads.length], Date.now()), warmupMs, measureMs);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function plainjobAdd(payloads: readonly unknown[], warmupMs: number, measureMs: number): Measurement {
  const dir = tempDir('plainjob');
  const db = openDatabase(join(dir, 'plainjob.db'));
  const queue = defineQueue({ connection: better(db), logger: silent });
  try {
    db.pragma('synchronous = FULL'); // defineQueue just set it to NORMAL
    assertPragmas(db, 'plainjob');
    return timeLoop((i) => queue.add('sale', payloads[i % payloads.length]), warmupMs, measureMs);
  } finally {
    queue.close(); // also closes the connection
    rmSync(dir, { recursive: true, force: true });
  }
}

interface AgentMeasurement extends Measurement {
  runnerAttempts: number;
  /** Flags raised on the accepted sales, by kind (e.g. oversold once the offline backlog outgrows the stock). */
  flags: string;
  perSecond: number[];
}

function flagSummary(db: Db): string {
  try {
    const rows = db.prepare('SELECT flag, COUNT(*) AS n FROM sale_flags GROUP BY flag ORDER BY n DESC').all() as Array<{ flag: string; n: number }>;
    return rows.map((r) => `${r.flag} ${fmt(r.n)}`).join(', ') || 'none';
  } catch {
    return 'n/a';
  }
}

async function agentIngest(
  kioskCount: number, seed: ShopSeed, products: KioskProduct[], warmupMs: number, measureMs: number, mode: OfflineMode, log: 'info' | 'off',
  saleOptions: SaleOptions,
): Promise<AgentMeasurement> {
  const kiosks = benchKiosks(kioskCount);
  const { agent, stop } = await startOfflineAgent(mode, kiosks, seed, { log });
  try {
    assertPragmas(agent.db, 'agent');
    const r = await runFleet({ kioskUrl: agent.kioskUrl, kiosks, products, warmupMs, measureMs, saleOptions });
    if (r.errors || Object.keys(r.otherStatuses).length) {
      throw new Error(`${kioskCount} kiosk(s): ${r.errors} network errors (${r.firstError ?? ''}), other statuses ${JSON.stringify(r.otherStatuses)}`);
    }
    const stored = (agent.db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE kind = 'sale'`).get() as { n: number }).n;
    if (stored !== r.total201) throw new Error(`${kioskCount} kiosk(s): ${r.total201} sales acknowledged but ${stored} outbox rows`);
    const attempts = (agent.db.prepare('SELECT COALESCE(SUM(attempts), 0) AS n FROM outbox').get() as { n: number }).n;
    const sorted = sortedCopy(r.latenciesMs);
    return {
      rate: r.accepted / (r.windowMs / 1000), p50: percentile(sorted, 50), p99: percentile(sorted, 99), count: r.accepted,
      runnerAttempts: attempts, flags: flagSummary(agent.db), perSecond: r.acceptedPerSecond,
    };
  } finally {
    await stop();
  }
}

/** Frames in the WAL after `n` commits, autocheckpoint off so none are copied back meanwhile. */
function framesAfter(db: Db, n: number, commit: (i: number) => void | Promise<void>): Promise<number> {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  return (async () => {
    for (let i = 0; i < n; i++) await commit(i);
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    db.pragma('wal_autocheckpoint = 1000');
    return (row?.log ?? Number.NaN) / n;
  })();
}

/**
 * How much each commit writes: pages are what an fsync has to push to the disk. Measured after
 * 1,000 warm-up rows so the b-trees have their working depth; the agent's runner is stopped first
 * so only kiosk sales write (one sale per commit: one kiosk, one request at a time).
 */
async function walFramesPerCommit(
  seed: ShopSeed, products: KioskProduct[], payloads: readonly string[], mode: OfflineMode, saleOptions: SaleOptions,
): Promise<{ raw: number; agent: number }> {
  const rawDir = tempDir('raw-frames');
  const db = openDatabase(join(rawDir, 'raw.db'));
  let raw: number;
  try {
    db.exec('CREATE TABLE raw_outbox (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, created_at INTEGER NOT NULL) STRICT');
    const insert = db.prepare('INSERT INTO raw_outbox (payload, created_at) VALUES (?, ?)');
    for (let i = 0; i < 1000; i++) insert.run(payloads[i % payloads.length], Date.now());
    raw = await framesAfter(db, 200, (i) => void insert.run(payloads[i % payloads.length], Date.now()));
  } finally {
    db.close();
    rmSync(rawDir, { recursive: true, force: true });
  }

  const [kiosk] = benchKiosks(1);
  const { agent, stop } = await startOfflineAgent(mode, [kiosk!], seed, { log: 'info' });
  try {
    await agent.runner.stop(0);
    const client = new KioskClient(agent.kioskUrl, kiosk!.id, kiosk!.token);
    const sales = new SaleFactory(kiosk!.id, products);
    const post = async (): Promise<void> => {
      const res = await client.postSale(sales.make(saleOptions));
      if (res.status !== 201) throw new Error(`frames: sale answered ${res.status}`);
    };
    for (let i = 0; i < 1000; i++) await post();
    return { raw, agent: await framesAfter(agent.db, 200, post) };
  } finally {
    await stop();
  }
}

export async function ingestBench(flags: Flags): Promise<void> {
  flags.assertKnown(INGEST_FLAGS);
  const measureMs = flags.number('seconds', 10) * 1000;
  const warmupMs = flags.number('warmup', 2) * 1000;
  const rounds = flags.number('rounds', 3);
  const levels = flags.numbers('kiosks', [1, 8, 32]);
  const log = flags.string('log', 'info');
  if (log !== 'info' && log !== 'off') throw new UsageError('--log is info (the agent default: a line per accepted sale to its file) or off');
  const mode = flags.string('stokly', 'outage');
  if (mode !== 'outage' && mode !== 'closed') throw new UsageError('--stokly is outage (catalogue and stock pulled, then the sandbox drops every connection) or closed (a closed port from the start)');
  if (Math.max(...levels) > 99) throw new UsageError('at most 99 kiosks');
  const kind = flags.string('sales', 'store');
  if (kind !== 'store' && kind !== 'delivery') throw new UsageError('--sales is store (every line handed over) or delivery (endless aisle: the first line shipped, delivery details sealed with the sale)');
  const saleOptions: SaleOptions = kind === 'delivery' ? { ship: true } : {};

  printMachineFacts(tmpdir());
  console.log(`ingest: ${rounds} round(s); each measures ${measureMs / 1000} s after ${warmupMs / 1000} s warm-up; kiosks ${levels.join(', ')}`);
  console.log(mode === 'outage'
    ? '  Stok.ly: the agent pulls catalogue and stock from the sandbox, then the sandbox drops every connection (outage fault).'
    : '  Stok.ly: stokly.baseUrl is a closed local port from the start (ECONNREFUSED): no catalogue, no stock.');
  console.log('  Nothing is posted; the runner still claims new rows and records each failed attempt, as in a real outage.');
  console.log(`  sales: ${kind === 'delivery' ? 'endless aisle: the first line is shipped and the sale carries delivery details (sealed, AES-256-GCM)' : 'every line handed over in the store'}`);
  console.log(`  agent log level: ${log}; kiosks run in a worker thread, one keep-alive connection each.\n`);

  const seed = generateShop({ itemCount: 60, seed: 7 });
  const products = kioskProducts(seed.items);
  const factory = new SaleFactory('kiosk-01', products);
  const sales = Array.from({ length: 2000 }, () => factory.make(saleOptions));
  const payloads = sales.map((s) => JSON.stringify(s));

  const results: RoundResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    // Interleaved, so that a slow minute of a shared disk hits every contender alike.
    const raw = rawInsertCommit(payloads, warmupMs, measureMs);
    const plainjob = plainjobAdd(sales, warmupMs, measureMs);
    const agent = new Map<number, AgentMeasurement>();
    for (const k of levels) agent.set(k, await agentIngest(k, seed, products, warmupMs, measureMs, mode, log, saleOptions));
    results.push({ raw, plainjob, agent });
    const parts = [`raw ${fmt(raw.rate)}/s`, `plainjob ${fmt(plainjob.rate)}/s`, ...levels.map((k) => `${k} kiosk(s) ${fmt(agent.get(k)!.rate)}/s p99 ${fmt(agent.get(k)!.p99, 1)} ms`)];
    console.log(`round ${round}: ${parts.join(' · ')}`);
  }

  const summarize = (label: string, unit: string, pick: (r: RoundResult) => Measurement, extra = ''): string[] => {
    const ms = results.map(pick);
    const rates = ms.map((m) => m.rate);
    return [
      label, `${fmt(median(rates))} ${unit}`, `${fmt(Math.min(...rates))}–${fmt(Math.max(...rates))}`,
      fmt(median(ms.map((m) => m.p50)), 2), fmt(median(ms.map((m) => m.p99)), 2), fmt(Math.max(...ms.map((m) => m.p99)), 2), extra,
    ];
  };
  const rows = [
    summarize('raw INSERT+COMMIT loop', 'rows/s', (r) => r.raw),
    summarize('plainjob queue.add()', 'jobs/s', (r) => r.plainjob),
    ...levels.map((k) =>
      summarize(`agent POST /v1/sales, ${k} kiosk${k > 1 ? 's' : ''}`, 'sales/s', (r) => r.agent.get(k)!,
        `${fmt(median(results.map((r) => r.agent.get(k)!.runnerAttempts)))} runner attempts`),
    ),
  ];
  console.log('');
  console.log(table(['', 'median rate', 'min–max', 'p50 ms', 'p99 ms', 'worst p99', 'note'], rows));
  console.log('  Latencies: raw/plainjob = one call; agent = time to acknowledge (request sent → 201 read).');
  console.log('  Rates and p50/p99 are the median of the rounds; min–max and worst p99 show the spread.');
  for (const k of levels) {
    const last = results.at(-1)!.agent.get(k)!;
    console.log(`  ${k} kiosk${k > 1 ? 's' : ''}, last round: sales/s second by second ${last.perSecond.join(' ')}; flags raised: ${last.flags}`);
  }
  console.log('');

  const rawMedian = median(results.map((r) => r.raw.rate));
  const agentMedian = (k: number): number => median(results.map((r) => r.agent.get(k)!.rate));
  const perRound = (k: number): string => results.map((r) => `${fmt((100 * r.agent.get(k)!.rate) / r.raw.rate)} %`).join(', ');
  const frames = await walFramesPerCommit(seed, products, payloads, mode, saleOptions);
  console.log(`WAL frames (4 KiB pages) written per commit: raw loop ${fmt(frames.raw, 1)}, agent with one sale per commit ${fmt(frames.agent, 1)}`);
  console.log(`load average after the run: ${loadAverage()} (1/5/15 min)\n`);

  console.log('Goals');
  if (levels.includes(1)) {
    const ok = agentMedian(1) >= rawMedian / 2;
    console.log(`  ${verdict(ok)}  1 kiosk ≥ half the raw rate: ${fmt(agentMedian(1))} vs ${fmt(rawMedian / 2)} (${fmt((100 * agentMedian(1)) / rawMedian)} % of raw; per round ${perRound(1)})`);
  } else console.log('  (1 kiosk not measured: --kiosks has no 1)');
  if (levels.includes(32)) {
    const ok = agentMedian(32) > rawMedian;
    console.log(`  ${verdict(ok)}  32 kiosks > the raw rate: ${fmt(agentMedian(32))} vs ${fmt(rawMedian)} (${fmt((100 * agentMedian(32)) / rawMedian)} % of raw; per round ${perRound(32)})`);
  } else console.log('  (32 kiosks not measured: --kiosks has no 32)');
  for (const k of levels) {
    const p99s = results.map((r) => r.agent.get(k)!.p99);
    const ok = median(p99s) < 25;
    console.log(`  ${verdict(ok)}  p99 < 25 ms at ${k} kiosk${k > 1 ? 's' : ''}: median p99 ${fmt(median(p99s), 1)} ms (rounds: ${p99s.map((p) => fmt(p, 1)).join(', ')})`);
  }
}
