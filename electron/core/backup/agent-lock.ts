import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'agent.pid';

/** Whether a process with this id exists (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, owned by another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The id of an agent running on this data directory, or null (none, or it crashed and left its file). */
export function runningAgentPid(dataDir: string): number | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

/** Marks this process as the data directory's running agent, for `restore` to see; returns the release. */
export function markAgentRunning(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  writeFileSync(path, String(process.pid), { mode: 0o600 });
  return () => {
    if (runningAgentPid(dataDir) === process.pid) rmSync(path, { force: true });
  };
}

/**
 * The running-agent marker as a feature: added first (so stopped last, after the database is
 * closed), marked only once the agent holds its ports (a second copy that failed to start
 * must not claim the data directory of the one that runs).
 */
export class AgentMarker {
  private release: (() => void) | null = null;

  constructor(private readonly dataDir: string) {}

  mark(): void {
    this.release ??= markAgentRunning(this.dataDir);
  }

  stop(): void {
    this.release?.();
    this.release = null;
  }
}
