import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
export interface AgentLaunchOptions {
  compiled?: boolean;
  readyTimeoutMs?: number;
  /** The agent's clock this far from the real one (sim/clock-offset-preload.mjs): a clock jump between runs. */
  clockOffsetMs?: number;
}

export async function spawnAgent(config: ConfigInput, env: NodeJS.ProcessEnv = {}, options: AgentLaunchOptions = {}): Promise<AgentProcess> {
  const launched = launchAgent(config, env, options);
  const ready = await launched.ready;
  return { child: launched.child, exited: launched.exited, ...ready };
}

/** Starts the agent process without waiting: `ready` settles when it serves (or rejects if it exits first). */
export function launchAgent(
  config: ConfigInput,
  env: NodeJS.ProcessEnv = {},
  options: AgentLaunchOptions = {},
): { child: ChildProcess; exited: Promise<number | null>; ready: Promise<{ kioskUrl: string; adminUrl: string }> } {
  const configPath = join(config.dataDir, 'config.json');
  // Owner-only: the file holds the admin token (and the agent refuses a secret readable by others).
  writeFileSync(configPath, JSON.stringify(config, null, 2), { mode: 0o600 });
  chmodSync(configPath, 0o600);
  // Compiled (npm run build): what a store runs; otherwise from source through tsx.
  const entry = options.compiled
    ? [join(ROOT, 'dist', 'electron', 'headless.js')]
    : ['--import', 'tsx', join(ROOT, 'electron', 'headless.ts')];
  const clock = options.clockOffsetMs ? ['--import', pathToFileURL(join(ROOT, 'sim', 'clock-offset-preload.mjs')).href] : [];
  const child = spawn(process.execPath, [...clock, ...entry, '--config', configPath], {
    cwd: ROOT,
    env: { ...process.env, SHELFBRIDGE_LOG_CONSOLE: '0', ...env, SHELFBRIDGE_SIM_CLOCK_OFFSET_MS: String(options.clockOffsetMs ?? 0) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const ready = new Promise<{ kioskUrl: string; adminUrl: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;
    const timer = setTimeout(() => reject(new Error(`agent did not start in ${readyTimeoutMs / 1000} s: ${stderr}`)), readyTimeoutMs);
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
  // A caller that kills before ready does not care why it never became ready.
  ready.catch(() => undefined);
  return { child, exited, ready };
}
