import { drainBench } from './drain.js';
import { idleBench } from './idle.js';
import { ingestBench } from './ingest.js';
import { movementsBench } from './movements.js';
import { Flags, UsageError } from './support/args.js';
import { syncBench } from './sync.js';
import { windowBench } from './window.js';

/** `npm run bench -- <name> [--flag value …]`: prints figures; nothing in CI runs these. */
const benchmarks: Record<string, { run(flags: Flags): Promise<void>; about: string }> = {
  ingest: {
    run: ingestBench,
    about: 'kiosk sales acknowledged per second and p50/p99 time to 201 at 1/8/32 kiosks, beside a raw INSERT+COMMIT loop and plainjob\n' +
      '           flags: --seconds 10 --warmup 2 --rounds 3 --kiosks 1,8,32 --log info|off --stokly outage|closed --sales store|delivery',
  },
  drain: {
    run: drainBench,
    about: 'time to post an offline backlog to the Stok.ly sandbox under its rate limit, as a share of what the limit allows\n' +
      '           flags: --sales 5000 --latency 20 --limit 6000 --window 60000 --pace 5900 --concurrency 4 --outage 0',
  },
  movements: {
    run: movementsBench,
    about: 'what measuring stock movements adds to a stock pull\'s transaction (50,000 items, 100 moved)\n' +
      '           flags: --items 50000 --changed 100 --rounds 5',
  },
  idle: {
    run: idleBench,
    about: 'resident memory of the compiled headless agent with a 300-item shop after its first sync, and what its dependencies cost\n' +
      '           flags: --items 300 --settle 20 --semi-space-mb 0 --heap-mb 0 --breakdown yes|no',
  },
  window: {
    run: windowBench,
    about: 'staff window on 50,000 sales and 50,000 products: admin API p50/p99 of the Sales tab and product picker, first results in Chromium\n' +
      '           flags: --sales 50000 --items 50000 --rounds 200',
  },
  sync: {
    run: syncBench,
    about: 'full first sync of a 50,000-item shop vs the network floor, peak RSS, an incremental pull, /v1/stock p99 under 20 kiosks, stock-change → event\n' +
      '           flags: --items 50000 --changed 100 --kiosks 20 --seconds 10 --every 1000 --interval 10 --heap-mb 0',
  },
};

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const bench = name === undefined ? undefined : benchmarks[name];
  if (!bench) {
    console.error(`usage: npm run bench -- <name> [flags]\n${Object.entries(benchmarks).map(([n, b]) => `  ${n.padEnd(8)} ${b.about}`).join('\n')}`);
    process.exitCode = 2;
    return;
  }
  await bench.run(new Flags(rest));
}

main().then(
  // Sockets and timers of stopped servers must not keep a finished benchmark alive.
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err instanceof UsageError ? err.message : err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
