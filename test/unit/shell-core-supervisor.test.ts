import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShellToCore } from '../../shared/shell-protocol.js';
import { CoreSupervisor, type CoreHandle, type CoreState, type SupervisorDeps } from '../../electron/shell/core-supervisor.js';
import { RestartBackoff } from '../../electron/shell/restart-policy.js';
import { systemTimers } from '../../electron/shell/system-timers.js';

/** A fake utilityProcess: records what the shell sends, lets the test play the core. */
class FakeCore implements CoreHandle {
  sent: ShellToCore[] = [];
  kills = 0;
  private messageListeners: Array<(m: unknown) => void> = [];
  private exitListeners: Array<(code: number) => void> = [];
  postMessage(message: ShellToCore): void { this.sent.push(message); }
  onMessage(listener: (m: unknown) => void): void { this.messageListeners.push(listener); }
  onExit(listener: (code: number) => void): void { this.exitListeners.push(listener); }
  kill(): void { this.kills += 1; }
  say(message: unknown): void { for (const l of this.messageListeners) l(message); }
  exit(code: number): void { for (const l of this.exitListeners) l(code); }
}

const startMessage = { type: 'start', configPath: '/etc/shelfbridge/config.json', secrets: { stoklySecretKey: 's3cret' } } as const;

function setup(overrides: Partial<SupervisorDeps> = {}) {
  const cores: FakeCore[] = [];
  const states: CoreState[] = [];
  const fatals: Array<[string, boolean]> = [];
  const alerts: Array<{ title: string; body: string }> = [];
  const logs: string[] = [];
  const supervisor = new CoreSupervisor({
    fork: () => {
      const core = new FakeCore();
      cores.push(core);
      return core;
    },
    startMessage,
    backoff: new RestartBackoff({ baseMs: 1_000, capMs: 8_000, stableAfterMs: 60_000 }),
    now: () => Date.now(),
    timers: systemTimers,
    onState: (s) => states.push(s),
    onFatal: (m, repeated) => fatals.push([m, repeated]),
    onAlert: (a) => alerts.push(a),
    log: (m) => logs.push(m),
    ...overrides,
  });
  const core = (i: number): FakeCore => {
    const c = cores[i];
    if (!c) throw new Error(`no core #${i}`);
    return c;
  };
  return { supervisor, cores, core, states, fatals, alerts, logs };
}

describe('core supervisor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('forks the core, sends start with the config path and secrets, and reports ready', () => {
    const { supervisor, core } = setup();
    supervisor.start();
    expect(core(0).sent).toEqual([startMessage]);
    expect(supervisor.state).toEqual({ kind: 'starting' });
    core(0).say({ type: 'ready', adminUrl: 'http://127.0.0.1:4781', adminToken: 'tok' });
    expect(supervisor.state).toEqual({ kind: 'ready', adminUrl: 'http://127.0.0.1:4781', adminToken: 'tok' });
  });

  it('restarts a core that died, with growing delays', async () => {
    const { supervisor, cores, core, states } = setup();
    supervisor.start();
    core(0).exit(1);
    expect(states.at(-1)).toMatchObject({ kind: 'restarting', reason: 'the agent exited (code 1)' });
    await vi.advanceTimersByTimeAsync(999);
    expect(cores).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(cores).toHaveLength(2);
    expect(core(1).sent).toEqual([startMessage]);
    core(1).exit(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(cores).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(cores).toHaveLength(3);
  });

  it('reports a fatal error once per distinct message, kills the core and restarts it', async () => {
    const { supervisor, cores, core, fatals, states } = setup();
    supervisor.start();
    core(0).say({ type: 'fatal', message: 'config.json is not valid:\n  storeId: required' });
    expect(core(0).kills).toBe(1);
    core(0).exit(1);
    expect(states.at(-1)).toMatchObject({ kind: 'restarting', reason: 'config.json is not valid:\n  storeId: required' });
    await vi.advanceTimersByTimeAsync(1_000);
    core(1).say({ type: 'fatal', message: 'config.json is not valid:\n  storeId: required' });
    core(1).exit(1);
    expect(fatals).toEqual([
      ['config.json is not valid:\n  storeId: required', false],
      ['config.json is not valid:\n  storeId: required', true],
    ]);
    expect(cores).toHaveLength(2);
  });

  it('passes alerts on and ignores malformed messages', () => {
    const { supervisor, core, alerts, logs } = setup();
    supervisor.start();
    core(0).say({ type: 'alert', title: 'Sales waiting', body: '12 sales waiting for 20 min' });
    core(0).say({ type: 'ready', adminUrl: 'http://127.0.0.1:4781' });
    core(0).say({ type: 'eval', code: 'process.exit()' });
    core(0).say('ready');
    expect(alerts).toEqual([{ title: 'Sales waiting', body: '12 sales waiting for 20 min' }]);
    expect(supervisor.state).toEqual({ kind: 'starting' });
    expect(logs.filter((l) => l.includes('malformed'))).toHaveLength(3);
  });

  it('stops cleanly: sends stop, waits for stopped, does not restart or kill', async () => {
    const { supervisor, cores, core } = setup();
    supervisor.start();
    core(0).say({ type: 'ready', adminUrl: 'http://127.0.0.1:4781', adminToken: 'tok' });
    const stopping = supervisor.stop(10_000);
    expect(core(0).sent.at(-1)).toEqual({ type: 'stop' });
    expect(supervisor.state).toEqual({ kind: 'stopping' });
    core(0).say({ type: 'stopped' });
    core(0).exit(0);
    await stopping;
    expect(supervisor.state).toEqual({ kind: 'stopped' });
    expect(core(0).kills).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(cores).toHaveLength(1);
  });

  it('kills a core that does not stop within the timeout', async () => {
    const { supervisor, core } = setup();
    supervisor.start();
    const stopping = supervisor.stop(5_000);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(core(0).kills).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(core(0).kills).toBe(1);
    core(0).exit(143);
    await stopping;
    expect(supervisor.state).toEqual({ kind: 'stopped' });
  });

  it('stopping while waiting to restart cancels the restart', async () => {
    const { supervisor, cores, core } = setup();
    supervisor.start();
    core(0).exit(1);
    await supervisor.stop(5_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(cores).toHaveLength(1);
    expect(supervisor.state).toEqual({ kind: 'stopped' });
  });

  it('a second stop call shares the first (one stop message)', async () => {
    const { supervisor, core } = setup();
    supervisor.start();
    const a = supervisor.stop(5_000);
    const b = supervisor.stop(5_000);
    expect(a).toBe(b);
    expect(core(0).sent.filter((m) => m.type === 'stop')).toHaveLength(1);
    core(0).exit(0);
    await a;
  });

  it('ignores a late ready while stopping', async () => {
    const { supervisor, core } = setup();
    supervisor.start();
    const stopping = supervisor.stop(5_000);
    core(0).say({ type: 'ready', adminUrl: 'http://127.0.0.1:4781', adminToken: 'tok' });
    expect(supervisor.state).toEqual({ kind: 'stopping' });
    core(0).exit(0);
    await stopping;
  });

  it('takes a backup through the running core and answers with its path', async () => {
    const { supervisor, core } = setup();
    expect(await supervisor.backupNow(5_000)).toBeNull();
    supervisor.start();
    core(0).say({ type: 'ready', adminUrl: 'http://127.0.0.1:4781', adminToken: 't' });
    const done = supervisor.backupNow(5_000);
    expect(core(0).sent.at(-1)).toEqual({ type: 'backup', id: 1 });
    core(0).say({ type: 'backup-done', id: 1, path: '/data/backups/x.db' });
    await expect(done).resolves.toBe('/data/backups/x.db');
    const failed = supervisor.backupNow(5_000);
    core(0).say({ type: 'backup-failed', id: 2, message: 'disk full' });
    await expect(failed).rejects.toThrow('disk full');
    const silent = supervisor.backupNow(5_000);
    const check = expect(silent).rejects.toThrow(/no answer/);
    await vi.advanceTimersByTimeAsync(5_000);
    await check;
  });

  it('restarts with new secrets: stops the core cleanly, then forks one with the new start message', async () => {
    const { supervisor, core, cores } = setup();
    supervisor.start();
    core(0).say({ type: 'ready', adminUrl: 'http://127.0.0.1:4781', adminToken: 't' });
    const next = { ...startMessage, secrets: { stoklySecretKey: 'new-secret' } };
    const restarted = supervisor.restartWith(next, 5_000);
    expect(core(0).sent.at(-1)).toEqual({ type: 'stop' });
    core(0).say({ type: 'stopped' });
    core(0).exit(0);
    await restarted;
    expect(cores).toHaveLength(2);
    expect(core(1).sent).toEqual([next]);
    expect(supervisor.state.kind).toBe('starting');
    // Still supervised: a crash of the new core restarts it.
    core(1).exit(1);
    await vi.advanceTimersByTimeAsync(8_000);
    expect(cores).toHaveLength(3);
  });
});
