import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { loadConfigFile, resolveSecrets, ConfigError } from './core/config.js';
import { checkConfigFile } from './core/config-check.js';
import { startAgent } from './core/index.js';

const USAGE = `usage:
  start:headless -- --config <config.json>        run the agent (or set SHELFBRIDGE_CONFIG)
  start:headless -- --check-config <config.json>  validate a configuration; exit 0 only when valid`;

/** `npm run start:headless` (compiled) / `npm run agent` (source): the core in plain Node. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' }, 'check-config': { type: 'string' } } });
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

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error((err as Error).message ?? err);
  process.exit(1);
});
