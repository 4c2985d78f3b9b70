import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shellToCoreSchema, type CoreToShell, type ShellToCore } from '../../shared/shell-protocol.js';
import { loadConfigFile, resolveSecrets, type Config, type Secrets } from './config.js';

/**
 * The entry the Electron shell forks with utilityProcess.fork. No 'electron' import: the
 * shell talks to it only through process.parentPort, with the messages in shared/.
 */

/** What Electron puts on process.parentPort in a utilityProcess (Node's types lack it). */
export interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: CoreToShell): void;
}

/** What the shell needs of a running agent. */
export interface StartedAgent {
  adminUrl: string;
  adminToken: string;
  /** A consistent copy of the database (the daily backup, taken now); resolves with its path. */
  backupNow(): Promise<string>;
  stop(): Promise<void>;
}

type StartMessage = Omit<Extract<ShellToCore, { type: 'start' }>, 'type'>;

export interface EntryDeps {
  loadConfig(path: string): Config;
  resolveSecrets(config: Config, fromShell: StartMessage['secrets']): Secrets;
  startAgent(config: Config, secrets: Secrets, onAlert: (alert: { title: string; body: string }) => void): Promise<StartedAgent>;
  exit(code: number): void;
  log(message: string): void;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Serves one shell: `start` starts the agent once (ready, or fatal then exit 1); `stop`
 * (also on SIGTERM via the returned function) stops it, posts `stopped` and exits 0.
 */
export function serveShell(port: ParentPort, deps: EntryDeps): { stop(): Promise<void> } {
  let starting: Promise<void> | null = null;
  let agent: StartedAgent | null = null;
  let stopping: Promise<void> | null = null;

  const start = (message: StartMessage): Promise<void> =>
    (async () => {
      try {
        const config = deps.loadConfig(message.configPath);
        const secrets = deps.resolveSecrets(config, message.secrets);
        const started = await deps.startAgent(config, secrets, (alert) => port.postMessage({ type: 'alert', ...alert }));
        agent = started;
        if (stopping) return; // `stop` arrived while starting; it stops the agent.
        port.postMessage({ type: 'ready', adminUrl: started.adminUrl, adminToken: started.adminToken });
      } catch (err) {
        // ConfigError messages name the key and the fix; they go to the staff as they are.
        port.postMessage({ type: 'fatal', message: messageOf(err) });
        deps.exit(1);
      }
    })();

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await starting;
      try {
        await agent?.stop();
        port.postMessage({ type: 'stopped' });
        deps.exit(0);
      } catch (err) {
        port.postMessage({ type: 'fatal', message: `stopping failed: ${messageOf(err)}` });
        deps.exit(1);
      }
    })();
    return stopping;
  };

  port.on('message', (event) => {
    const parsed = shellToCoreSchema.safeParse(event.data);
    if (!parsed.success) {
      deps.log(`ignored a malformed message from the shell: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return;
    }
    const message = parsed.data;
    if (message.type === 'stop') {
      void stop();
    } else if (message.type === 'backup') {
      const running = agent;
      if (!running || stopping) {
        port.postMessage({ type: 'backup-failed', id: message.id, message: 'the agent is not running' });
        return;
      }
      running.backupNow().then(
        (path) => port.postMessage({ type: 'backup-done', id: message.id, path }),
        (err: unknown) => port.postMessage({ type: 'backup-failed', id: message.id, message: messageOf(err) }),
      );
    } else if (starting || stopping) {
      deps.log('ignored a second start message');
    } else {
      starting = start(message);
    }
  });
  return { stop };
}

/** The built UI, served by the admin API so the window and a browser load it from one origin. */
function findUiDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', '..', '..', 'dist-renderer'), join(here, '..', '..', 'dist-renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

function parentPortOf(proc: NodeJS.Process): ParentPort | undefined {
  return (proc as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
}

const port = parentPortOf(process);
if (port) {
  const uiDir = findUiDir();
  const served = serveShell(port, {
    loadConfig: (path) => loadConfigFile(path),
    resolveSecrets: (config, fromShell) => resolveSecrets(config, process.env, fromShell),
    // Loaded here, not at the top: a native module built for the wrong ABI (better-sqlite3)
    // then reaches the shell as a `fatal` with its message instead of a silent crash.
    startAgent: async (config, secrets, onAlert) => {
      const { startAgent } = await import('./index.js');
      const agent = await startAgent(config, secrets, { uiDir, logConsole: process.env.SHELFBRIDGE_LOG_CONSOLE !== '0', onAlert });
      return { adminUrl: agent.adminUrl, adminToken: agent.adminToken, backupNow: () => agent.backups.backupNow(), stop: () => agent.stop() };
    },
    // Let the last message leave the port before the process goes.
    exit: (code) => void setTimeout(() => process.exit(code), 200),
    log: (message) => console.error(`[core] ${message}`),
  });
  process.on('SIGTERM', () => void served.stop());
  process.on('uncaughtException', (err) => {
    console.error(err);
    port.postMessage({ type: 'fatal', message: `agent crashed: ${err.message}` });
    setTimeout(() => process.exit(1), 200);
  });
} else if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.error('process-entry is started by the Electron shell; run the agent alone with `npm run agent -- --config <file>`.');
  process.exitCode = 2;
}
