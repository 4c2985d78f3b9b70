import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Another program holding the store database's write lock (a backup tool, a stuck writer):
 * a separate process runs BEGIN IMMEDIATE, says "locked", and commits after `holdMs`.
 */
export async function lockDatabase(path: string, holdMs: number): Promise<{ child: ChildProcess; released: Promise<void> }> {
  const script = `
    const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE; UPDATE meta SET value = value;');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ['-e', script, path, String(holdMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const released = once(child, 'exit').then(() => undefined);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the locking process exited early (${code})`)));
  });
  return { child, released };
}
