import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, parse } from 'node:path';

export interface Retention {
  /** Rotated files kept beside the live one (agent.1.log is the newest). */
  keepFiles: number;
  /** Rotated files older than this are deleted, whatever their number (logs may name customers). */
  keepDays: number;
}

/** agent.log → agent.1.log, agent.1.log → agent.2.log …; the oldest beyond keepFiles is deleted. */
export function rotateLogFile(livePath: string, retention: Retention, now: number): void {
  const { dir, name, ext } = parse(livePath);
  const numbered = (n: number): string => join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(retention.keepFiles), { force: true });
  for (let n = retention.keepFiles - 1; n >= 1; n -= 1) {
    try {
      renameSync(numbered(n), numbered(n + 1));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  renameSync(livePath, numbered(1));
  pruneRotated(livePath, retention, now);
}

/** Deletes rotated files beyond the count or older than the age limit (run at start and on rotation). */
export function pruneRotated(livePath: string, retention: Retention, now: number): string[] {
  const { dir, name, ext } = parse(livePath);
  const pattern = new RegExp(`^${escapeRegExp(name)}\\.(\\d+|old)${escapeRegExp(ext)}$`);
  const oldest = now - retention.keepDays * 86_400_000;
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const match = pattern.exec(entry);
    if (!match?.[1]) continue;
    const path = join(dir, entry);
    // agent.old.log is what electron-log's own rotation left behind before this setting existed.
    const tooMany = match[1] === 'old' || Number(match[1]) > retention.keepFiles;
    if (tooMany || statSync(path).mtimeMs < oldest) {
      rmSync(path, { force: true });
      removed.push(entry);
    }
  }
  return removed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
