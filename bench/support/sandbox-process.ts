import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..', '..');

export interface SandboxProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The Stok.ly sandbox in a process of its own, so the benchmark's memory figure is the agent's
 * and not the sandbox's 50,000 items.
 */
export async function startSandboxProcess(options: { items: number; rateLimitPerMinute: number }): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'sim', 'stokly', 'standalone.ts'),
    '--port', '0', '--items', String(options.items), '--rate-limit', String(options.rateLimitPerMinute)], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sandbox did not start in 60 s')), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return {
    url,
    child,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
