import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * Sales, customer details, logs and secrets are the store's alone: the data directory is 0700
 * and every file in it 0600 whatever the umask (chmod after creating, since a umask can only
 * take bits away). On Windows, modes mean little; the data directory lives under the user's profile.
 */
const POSIX = process.platform !== 'win32';

export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (POSIX) chmodSync(dir, 0o700);
}

/** Makes an existing file owner-only; a file that is not there is left alone. */
export function privateFile(path: string): void {
  if (POSIX && existsSync(path)) chmodSync(path, 0o600);
}

/** Creates the file empty (if missing) as owner-only, so whatever writes it next never widens it. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  if (POSIX) chmodSync(path, 0o600);
}
