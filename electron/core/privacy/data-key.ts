import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { dataKeyFrom, newDataKey, type DataKey } from './sealing.js';

export interface LoadedDataKey {
  key: DataKey;
  /** Said once at start when something is off (a new key replaced a lost one). Never fatal. */
  warning: string | null;
}

function decode(text: string): Buffer | null {
  const raw = Buffer.from(text.trim(), 'base64');
  return raw.length === 32 ? raw : null;
}

/**
 * The key that seals customer and delivery details. From the Electron shell (kept in the OS
 * secret store) when given; otherwise, headless, a base64 file readable only by this user,
 * created on first run. A missing or unreadable key is replaced by a new one: only the personal
 * data of sales not yet sent is lost with it (those wait for staff to enter the address again),
 * and the agent says so instead of refusing to start.
 */
export function loadDataKey(opts: { fromShell?: string | undefined; keyFile: string }): LoadedDataKey {
  if (opts.fromShell) {
    const raw = decode(opts.fromShell);
    if (raw) return { key: dataKeyFrom(raw), warning: null };
    return { key: newDataKey(), warning: 'the personal-data key from the OS secret store is not a 32-byte base64 key: using a new key for this run' };
  }
  let warning: string | null = null;
  if (existsSync(opts.keyFile)) {
    try {
      const mode = statSync(opts.keyFile).mode;
      if (process.platform !== 'win32' && (mode & 0o077) !== 0) chmodSync(opts.keyFile, 0o600);
      const raw = decode(readFileSync(opts.keyFile, 'utf8'));
      if (raw) return { key: dataKeyFrom(raw), warning: null };
      warning = `${opts.keyFile} does not hold a valid key`;
    } catch (err) {
      warning = `${opts.keyFile} cannot be read (${(err as Error).message})`;
    }
  }
  const key = newDataKey();
  mkdirSync(dirname(opts.keyFile), { recursive: true });
  writeFileSync(opts.keyFile, `${key.key.toString('base64')}\n`, { mode: 0o600, flag: 'w' });
  chmodSync(opts.keyFile, 0o600);
  return { key, warning: warning && `${warning}: a new personal-data key was created; addresses of sales not yet sent must be entered again` };
}
