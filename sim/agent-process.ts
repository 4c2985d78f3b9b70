import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ConfigInput } from '../electron/core/config.js';

const ROOT = join(import.meta.dirname, '..');

/** A port that was free a moment ago, so a restarted agent comes back where kiosks expect it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface AgentProcess {
  child: ChildProcess;
  kioskUrl: string;
  adminUrl: string;
  exited: Promise<number | null>;
}

/** Starts `electron/headless.ts` as its own process (so it can be SIGKILLed) and waits for ready. */
export async function spawnAgent(config: ConfigInput, env: NodeJS.ProcessEnv = {}, options: { compiled?: boolean } = {}): Promise<AgentProcess> {
  const configPath = join(config.dataDir, 'config.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  // Compiled (npm run build): what a store runs; otherwise from source through tsx.
  const entry = options.compiled
    ? [join(ROOT, 'dist', 'electron', 'headless.js')]
    : ['--import', 'tsx', join(ROOT, 'electron', 'headless.ts')];
  const child = spawn(process.execPath, [...entry, '--config', configPath], {
    cwd: ROOT,
    env: { ...process.env, SHELFBRIDGE_LOG_CONSOLE: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const ready = await new Promise<{ kioskUrl: string; adminUrl: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`agent did not start in 20 s: ${stderr}`)), 20_000);
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; kioskUrl: string; adminUrl: string };
        if (msg.event === 'ready') {
          clearTimeout(timer);
          resolve(msg);
        }
      } catch {
        // not our line
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`agent exited with ${code} before it was ready: ${stderr}`));
    });
  });
  return { child, exited, ...ready };
}
