import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createPrivateFile, privateDir, privateFile } from '../storage/private-files.js';
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
  let warning: string | null = null;
  if (opts.fromShell) {
    const raw = decode(opts.fromShell);
    if (raw) return { key: dataKeyFrom(raw), warning: null };
    // Not a new key each run: the key file is at least stable.
    warning = 'the personal-data key from the OS secret store is not a 32-byte base64 key; using the key file instead';
  }
  if (existsSync(opts.keyFile)) {
    try {
      privateFile(opts.keyFile);
      const raw = decode(readFileSync(opts.keyFile, 'utf8'));
      if (raw) return { key: dataKeyFrom(raw), warning };
      warning = `${opts.keyFile} does not hold a valid key`;
    } catch (err) {
      warning = `${opts.keyFile} cannot be read (${(err as Error).message})`;
    }
  }
  const key = newDataKey();
  // A folder IT chose for privacy.keyFile keeps its mode; the default one is created owner-only.
  if (!existsSync(dirname(opts.keyFile))) privateDir(dirname(opts.keyFile));
  // Owner-only before the key is written into it.
  createPrivateFile(opts.keyFile);
  writeFileSync(opts.keyFile, `${key.key.toString('base64')}\n`, { flag: 'w' });
  return { key, warning: warning && `${warning}: a new personal-data key was created; addresses of sales not yet sent must be entered again` };
}
