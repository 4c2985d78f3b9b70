import { join } from 'node:path';
import { loadConfigFile } from '../core/config.js';

/** Files the shell needs, relative to the compiled main.js (dist/electron/). */
export function shellFiles(mainDir: string): { preload: string; rendererIndex: string; coreEntry: string } {
  return {
    // Built by Vite as CommonJS: sandboxed preloads cannot be ES modules.
    preload: join(mainDir, '..', 'preload', 'preload.cjs'),
    rendererIndex: join(mainDir, '..', '..', 'dist-renderer', 'index.html'),
    coreEntry: join(mainDir, 'core', 'process-entry.js'),
  };
}

/** The configuration file: SHELFBRIDGE_CONFIG (IT's choice), else config.json in userData. */
export function configPathFor(env: Record<string, string | undefined>, userDataDir: string): string {
  return env.SHELFBRIDGE_CONFIG || join(userDataDir, 'config.json');
}

/** The agent's log folder (<dataDir>/logs); the shell's own folder if the config is unreadable. */
export function logsFolderFor(configPath: string, env: NodeJS.ProcessEnv, fallback: string): string {
  try {
    return join(loadConfigFile(configPath, env).dataDir, 'logs');
  } catch {
    return fallback;
  }
}
