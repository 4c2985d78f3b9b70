import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { loadConfigFile, resolveSecrets, ConfigError } from './core/config.js';
import { checkConfigFile } from './core/config-check.js';
import { restoreDatabase, RestoreRefused } from './core/backup/restore.js';
import { startAgent } from './core/index.js';

const USAGE = `usage:
  start:headless -- --config <config.json>        run the agent (or set SHELFBRIDGE_CONFIG)
  start:headless -- --check-config <config.json>  validate a configuration; exit 0 only when valid
  start:headless -- restore <backup.db> --config <config.json>
                                                  replace the database with a backup (the agent must be stopped)`;

/** `npm run start:headless` (compiled) / `npm run agent` (source): the core in plain Node. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { config: { type: 'string', short: 'c' }, 'check-config': { type: 'string' } }, allowPositionals: true });
  if (values['check-config'] !== undefined) {
    const result = checkConfigFile(values['check-config']);
    (result.ok ? console.log : console.error)(result.lines.join('\n'));
    process.exit(result.ok ? 0 : 1);
  }
  const configPath = values.config ?? process.env.SHELFBRIDGE_CONFIG;
  if (!configPath) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfigFile(configPath);
  if (positionals[0] === 'restore') {
    restore(config.dataDir, positionals[1]);
    return;
  }
  if (positionals.length > 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const secrets = resolveSecrets(config, process.env);
  const here = dirname(fileURLToPath(import.meta.url));
  const uiDir = [join(here, '..', 'dist-renderer'), join(here, '..', '..', 'dist-renderer')].find((d) => existsSync(d)) ?? null;
  const agent = await startAgent(config, secrets, { uiDir, logConsole: process.env.SHELFBRIDGE_LOG_CONSOLE !== '0' });
  // For scripts and tests that start the agent as a child process.
  console.log(JSON.stringify({ event: 'ready', kioskUrl: agent.kioskUrl, adminUrl: agent.adminUrl, pid: process.pid }));

  let signalled = false;
  const shutdown = (signal: string): void => {
    if (signalled) return;
    signalled = true;
    console.error(`${signal}: stopping`);
    agent.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

function restore(dataDir: string, from: string | undefined): void {
  if (!from) {
    console.error(USAGE);
    process.exit(2);
  }
  try {
    const result = restoreDatabase({ dataDir, from });
    console.log(`Restored ${result.restoredFrom} (schema ${result.schemaVersion}) into ${dataDir}.`);
    if (result.previousKeptAt) console.log(`The replaced database is kept at ${result.previousKeptAt}: sales after the backup exist only there.`);
    process.exit(0);
  } catch (err) {
    if (!(err instanceof RestoreRefused)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error((err as Error).message ?? err);
  process.exit(1);
});
