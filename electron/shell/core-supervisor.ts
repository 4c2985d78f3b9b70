import { coreToShellSchema, type ShellToCore } from '../../shared/shell-protocol.js';
import type { RestartBackoff } from './restart-policy.js';

/** The part of Electron's UtilityProcess the supervisor uses (main.ts adapts the real one). */
export interface CoreHandle {
  postMessage(message: ShellToCore): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export type CoreState =
  | { kind: 'starting' }
  | { kind: 'ready'; adminUrl: string; adminToken: string }
  | { kind: 'restarting'; at: number; reason: string }
  | { kind: 'stopping' }
  | { kind: 'stopped' };

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SupervisorDeps {
  fork(): CoreHandle;
  startMessage: Extract<ShellToCore, { type: 'start' }>;
  backoff: RestartBackoff;
  now(): number;
  timers: Timers;
  onState?(state: CoreState): void;
  onAlert?(alert: { title: string; body: string }): void;
  /** `repeated` is true when the same message was already reported (a crash loop). */
  onFatal?(message: string, repeated: boolean): void;
  log?(message: string): void;
}

/**
 * Keeps one agent core running: forks it, sends `start`, restarts it with backoff when it
 * dies, and stops it cleanly (send `stop`, wait for `stopped`, kill after a timeout).
 * Messages from the core are parsed with the protocol schema; anything else is logged.
 */
export class CoreSupervisor {
  private handle: CoreHandle | null = null;
  private current: CoreState = { kind: 'stopped' };
  private startedAt = 0;
  private restartTimer: unknown = null;
  private lastFatal: string | null = null;
  private stopRequested = false;
  private stopping: Promise<void> | null = null;
  private exitWaiters: Array<() => void> = [];
  private stoppedWaiters: Array<() => void> = [];
  private startMessage: Extract<ShellToCore, { type: 'start' }>;
  private nextBackupId = 1;
  private backupWaiters = new Map<number, { resolve(path: string): void; reject(err: Error): void }>();

  constructor(private readonly deps: SupervisorDeps) {
    this.startMessage = deps.startMessage;
  }

  get state(): CoreState {
    return this.current;
  }

  start(): void {
    if (this.stopRequested || this.handle) return;
    this.restartTimer = null;
    this.setState({ kind: 'starting' });
    const handle = this.deps.fork();
    this.handle = handle;
    this.startedAt = this.deps.now();
    handle.onMessage((raw) => this.onMessage(handle, raw));
    handle.onExit((code) => this.onExit(handle, code));
    handle.postMessage(this.startMessage);
  }

  /**
   * Stops the core cleanly and starts it again with a new start message (secrets entered in
   * Settings). Sales are durable in the outbox, so a restart loses none.
   */
  async restartWith(startMessage: Extract<ShellToCore, { type: 'start' }>, timeoutMs: number): Promise<void> {
    this.startMessage = startMessage;
    await this.stop(timeoutMs);
    this.stopRequested = false;
    this.stopping = null;
    this.start();
  }

  /**
   * A database backup taken by the running core (before an update installs). Null when no
   * core is ready; rejects when the core reports a failure, exits, or takes over `timeoutMs`.
   */
  backupNow(timeoutMs: number): Promise<string | null> {
    const handle = this.handle;
    if (!handle || this.current.kind !== 'ready') return Promise.resolve(null);
    const id = this.nextBackupId++;
    return new Promise<string>((resolve, reject) => {
      const timer = this.deps.timers.setTimeout(() => {
        this.backupWaiters.delete(id);
        reject(new Error(`no answer to the backup within ${timeoutMs} ms`));
      }, timeoutMs);
      this.backupWaiters.set(id, {
        resolve: (path) => { this.deps.timers.clearTimeout(timer); resolve(path); },
        reject: (err) => { this.deps.timers.clearTimeout(timer); reject(err); },
      });
      handle.postMessage({ type: 'backup', id });
    });
  }

  /** Stops the core: `stop`, then up to `timeoutMs` for `stopped` or exit, then kill. */
  stop(timeoutMs: number): Promise<void> {
    this.stopping ??= this.stopOnce(timeoutMs);
    return this.stopping;
  }

  private async stopOnce(timeoutMs: number): Promise<void> {
    this.stopRequested = true;
    if (this.restartTimer !== null) {
      this.deps.timers.clearTimeout(this.restartTimer);
      this.restartTimer = null;
    }
    const handle = this.handle;
    if (!handle) {
      this.setState({ kind: 'stopped' });
      return;
    }
    this.setState({ kind: 'stopping' });
    const exited = new Promise<void>((resolve) => this.exitWaiters.push(resolve));
    const stopped = new Promise<void>((resolve) => this.stoppedWaiters.push(resolve));
    handle.postMessage({ type: 'stop' });
    const finished = await this.within(Promise.race([stopped, exited]), timeoutMs);
    if (!finished) {
      this.deps.log?.(`core did not stop within ${timeoutMs} ms; killing it`);
      handle.kill();
    }
    // After `stopped` the core exits by itself; give it a moment, then stop waiting.
    if (!(await this.within(exited, 2_000))) handle.kill();
    this.handle = null;
    this.setState({ kind: 'stopped' });
  }

  private within(promise: Promise<void>, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = this.deps.timers.setTimeout(() => resolve(false), ms);
      void promise.then(() => {
        this.deps.timers.clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private onMessage(handle: CoreHandle, raw: unknown): void {
    if (handle !== this.handle) return;
    const parsed = coreToShellSchema.safeParse(raw);
    if (!parsed.success) {
      this.deps.log?.(`ignored a malformed message from the core: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        this.lastFatal = null;
        if (!this.stopRequested) this.setState({ kind: 'ready', adminUrl: message.adminUrl, adminToken: message.adminToken });
        return;
      case 'fatal': {
        const repeated = this.lastFatal === message.message;
        this.lastFatal = message.message;
        this.deps.onFatal?.(message.message, repeated);
        // The core exits after a fatal; make sure of it so the restart timer starts.
        handle.kill();
        return;
      }
      case 'alert':
        this.deps.onAlert?.({ title: message.title, body: message.body });
        return;
      case 'stopped':
        this.flush(this.stoppedWaiters);
        return;
      case 'backup-done':
        this.backupWaiters.get(message.id)?.resolve(message.path);
        this.backupWaiters.delete(message.id);
        return;
      case 'backup-failed':
        this.backupWaiters.get(message.id)?.reject(new Error(message.message));
        this.backupWaiters.delete(message.id);
        return;
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
  }

  private onExit(handle: CoreHandle, code: number): void {
    if (handle !== this.handle) return;
    for (const waiter of this.backupWaiters.values()) waiter.reject(new Error(`the agent exited (code ${code}) during the backup`));
    this.backupWaiters.clear();
    this.flush(this.exitWaiters);
    this.flush(this.stoppedWaiters);
    if (this.stopRequested) return;
    this.handle = null;
    const uptime = this.deps.now() - this.startedAt;
    const delay = this.deps.backoff.nextDelay(uptime);
    const reason = this.lastFatal ?? `the agent exited (code ${code})`;
    this.deps.log?.(`core exited with code ${code} after ${uptime} ms; restarting in ${delay} ms`);
    this.setState({ kind: 'restarting', at: this.deps.now() + delay, reason });
    this.restartTimer = this.deps.timers.setTimeout(() => this.start(), delay);
  }

  private flush(waiters: Array<() => void>): void {
    for (const resolve of waiters.splice(0)) resolve();
  }

  private setState(state: CoreState): void {
    this.current = state;
    this.deps.onState?.(state);
  }
}
