import { readFileSync } from 'node:fs';
import { applyEnvOverrides, ConfigError, parseConfig, parseConfigJson } from './config.js';

export interface CheckResult {
  ok: boolean;
  /** What to print: a summary when valid, one line per problem otherwise. */
  lines: string[];
}

/**
 * `--check-config <file>`: reads and validates a configuration exactly as the agent would at
 * start, without opening the database or binding a port.
 */
export function checkConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): CheckResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, lines: [`cannot read ${path}: ${(err as Error).message}`] };
  }
  try {
    const config = parseConfig(applyEnvOverrides(parseConfigJson(text, path), env), path);
    const kiosk = config.kioskApi;
    return {
      ok: true,
      lines: [
        `${path} is valid.`,
        `  store ${config.storeId}, data in ${config.dataDir}`,
        `  kiosk API ${kiosk.host}:${kiosk.port} (${kiosk.kiosks.length} kiosk(s) in the file; more can be enrolled from the staff window)`,
        `  admin API ${config.adminApi.host}:${config.adminApi.port}`,
        `  Cloudshelf ${config.cloudshelf ? 'on' : 'off'}`,
      ],
    };
  } catch (err) {
    if (err instanceof ConfigError) return { ok: false, lines: err.message.split('\n') };
    throw err;
  }
}
