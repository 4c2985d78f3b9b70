import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigInput } from '../electron/core/config.js';
import { sha256Hex } from '../electron/core/kiosk/auth.js';
import { spawnAgent, type AgentProcess } from '../sim/agent-process.js';
import type { Flags } from './support/args.js';
import { tempDir } from './support/agent.js';
import { printMachineFacts } from './support/machine.js';
import { startSandboxProcess } from './support/sandbox-process.js';
import { fmt, table, verdict } from './support/stats.js';

const CREDENTIALS = { accountKey: 'sandbox', clientId: 'sandbox-client', secretKey: 'sandbox-secret' };
const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const ROOT = join(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** VmRSS, VmHWM and the anonymous/file split of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rss: number; hwm: number; anon: number; file: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM'), anon: kb('RssAnon'), file: kb('RssFile') };
}

/**
 * What the compiled agent's dependencies cost on their own: a fresh Node process imports each
 * step's modules (cumulatively, in the order the agent needs them) and reports its RSS.
 */
function importSteps(): Array<[string, string]> {
  const dist = (p: string) => JSON.stringify(join(ROOT, 'dist', p));
  return [
    ['node alone', ''],
    ['+ zod', "await import('zod');"],
    ['+ better-sqlite3 (a database open)', "const D = (await import('better-sqlite3')).default; new D(':memory:');"],
    ['+ fastify (one instance)', "const F = (await import('fastify')).default; await F().ready();"],
    ['+ electron-log', "await import('electron-log/node.js');"],
    ['+ every agent module (not started)', `await import(${dist('electron/core/index.js')});`],
  ];
}

function importCost(): Array<[string, number]> {
  const steps = importSteps();
  const out: Array<[string, number]> = [];
  for (let i = 0; i < steps.length; i++) {
    const code = `${steps.slice(0, i + 1).map(([, c]) => c).join('\n')}
      globalThis.gc?.(); await new Promise((r) => setTimeout(r, 200));
      const m = /VmRSS:\\s+(\\d+) kB/.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'));
      console.log(Number(m[1]) / 1024);`;
    const stdout = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    out.push([steps[i]![0], Number(stdout.trim())]);
  }
  return out;
}

/**
 * `npm run bench -- idle`: the compiled headless agent with a 300-item shop, after its first
 * sync and `--settle` seconds of nothing happening. Goal: ≤ 100 MB resident.
 */
export async function idleBench(flags: Flags): Promise<void> {
  const items = flags.number('items', 300);
  const settle = flags.number('settle', 20);
  // V8 limits for the agent, to see what they save: young generation (semi-space) and old space, in MB.
  const semiMb = flags.number('semi-space-mb', 0);
  const heapMb = flags.number('heap-mb', 0);
  const nodeOptions = [semiMb > 0 ? `--max-semi-space-size=${semiMb}` : '', heapMb > 0 ? `--max-old-space-size=${heapMb}` : ''].filter(Boolean).join(' ');
  const dir = tempDir('idle');
  printMachineFacts(dir);

  console.log('building the agent (tsc -p tsconfig.build.json)…');
  const build = spawnSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('tsc failed');

  const sandbox = await startSandboxProcess({ items, rateLimitPerMinute: 0 });
  let agent: AgentProcess | null = null;
  try {
    const config: ConfigInput = {
      storeId: 'store-001', dataDir: dir,
      stokly: { baseUrl: sandbox.url, accountKey: CREDENTIALS.accountKey, clientId: CREDENTIALS.clientId, locationId: 'LOC-STORE-001', channelId: 'CH-KIOSK' },
      kioskApi: { host: '127.0.0.1', port: 0, kiosks: [{ id: 'kiosk-01', tokenSha256: sha256Hex('bench-idle-kiosk') }] },
      adminApi: { port: 0, token: ADMIN_TOKEN },
      tenders: { card: 4 },
      catalog: { taxRates: { standard: 20, reduced: 5, zero: 0 } },
    };
    agent = await spawnAgent(config, {
      SHELFBRIDGE_STOKLY_SECRET_KEY: CREDENTIALS.secretKey,
      ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    }, { compiled: true });
    const pid = agent.child.pid!;
    const atReady = memoryOf(pid);
    for (;;) {
      const res = await fetch(`${agent.adminUrl}/api/status`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      const s = (await res.json()) as { sync: { stock: { lastSuccessAt: string | null }; catalog: { lastSuccessAt: string | null } } };
      if (s.sync.catalog.lastSuccessAt && s.sync.stock.lastSuccessAt) break;
      await sleep(100);
    }
    const afterSync = memoryOf(pid);
    await sleep(settle * 1000);
    const idle = memoryOf(pid);

    console.log(`\ncompiled agent, ${fmt(items)}-item shop${nodeOptions ? `, NODE_OPTIONS=${nodeOptions}` : ''}\n`);
    const row = (name: string, m: ReturnType<typeof memoryOf>) => [name, `${fmt(m.rss, 1)} MB`, `${fmt(m.anon, 1)} / ${fmt(m.file, 1)} MB`, `${fmt(m.hwm, 1)} MB`];
    console.log(table(['moment', 'RSS', 'anon / file', 'peak (VmHWM)'], [
      row('ready (servers listening)', atReady),
      row('first sync done', afterSync),
      row(`idle ${settle} s later`, idle),
    ]));
    console.log(`\nidle RSS ${fmt(idle.rss, 1)} MB, peak ${fmt(idle.hwm, 1)} MB: goal: idle RSS ≤ 100 MB → ${verdict(idle.rss <= 100)}\n`);

    if (flags.string('breakdown', 'yes') !== 'no') {
      console.log('what the dependencies cost on their own (fresh process, cumulative imports):\n');
      let previous = 0;
      console.log(table(['step', 'RSS', 'added'], importCost().map(([name, mb]) => {
        const added = previous === 0 ? '' : `+${fmt(mb - previous, 1)} MB`;
        previous = mb;
        return [name, `${fmt(mb, 1)} MB`, added];
      })));
    }
  } finally {
    agent?.child.kill('SIGTERM');
    await agent?.exited;
    await sandbox.stop();
  }
}
