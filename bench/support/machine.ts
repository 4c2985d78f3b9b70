import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, freemem, loadavg, totalmem } from 'node:os';

export interface MachineFacts {
  date: string;
  cpus: number;
  cpuModel: string;
  memory: string;
  node: string;
  betterSqlite3: string;
  sqlite: string;
  disk: string;
  load: string;
}

/** 1/5/15-minute load averages: on a shared 2-core machine, anything near 2 means someone else is busy too. */
export function loadAverage(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' / ');
}

function diskOf(dir: string): string {
  try {
    // -T adds the filesystem type: it matters for fsync cost.
    return execFileSync('df', ['-hT', dir], { encoding: 'utf8' }).trim();
  } catch (err) {
    return `df failed: ${(err as Error).message}`;
  }
}

export function machineFacts(dir: string): MachineFacts {
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')) as { version: string };
  const mem = new Database(':memory:');
  const sqlite = (mem.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  mem.close();
  const list = cpus();
  const gib = (b: number): string => `${(b / 2 ** 30).toFixed(1)} GiB`;
  return {
    date: new Date().toISOString(),
    cpus: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
    memory: `${gib(totalmem())} total, ${gib(freemem())} free`,
    node: process.version,
    betterSqlite3: pkg.version,
    sqlite,
    disk: diskOf(dir),
    load: loadAverage(),
  };
}

export function printMachineFacts(dir: string): MachineFacts {
  const m = machineFacts(dir);
  console.log('Machine');
  console.log(`  date            ${m.date}`);
  console.log(`  CPUs            ${m.cpus} × ${m.cpuModel}`);
  console.log(`  memory          ${m.memory}`);
  console.log(`  Node            ${m.node}`);
  console.log(`  load average    ${m.load} (1/5/15 min, before the run)`);
  console.log(`  better-sqlite3  ${m.betterSqlite3} (SQLite ${m.sqlite})`);
  console.log(`  temp dir        ${dir}`);
  console.log(m.disk.split('\n').map((l) => `    ${l}`).join('\n'));
  console.log('');
  return m;
}
