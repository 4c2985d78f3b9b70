import { afterEach, describe, expect, it, vi } from 'vitest';
import { silenceLogging } from '../../electron/core/logging/logger.js';
import { ConnectivityProbe } from '../../electron/core/monitor/connectivity.js';
import type { StoklyClient } from '../../electron/core/stokly/client.js';

silenceLogging();
// Fake timers: the count of probes follows from the intervals, not from how busy the machine is.
const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);
afterEach(() => {
  vi.useRealTimers();
});

/** Only what the probe touches of the client. */
function fakeClient(state: { offline: boolean; lastContact: number | null; calls: number }): StoklyClient {
  const fake = {
    get offline() { return state.offline; },
    get lastContact() { return state.lastContact; },
    get: async () => {
      state.calls++;
      if (state.offline) throw new Error('down');
      state.lastContact = Date.now();
      return { data: [{ locationId: 'L' }], metadata: { count: 1 } };
    },
  };
  return fake as unknown as StoklyClient;
}

describe('connectivity probe', () => {
  it('asks often while Stok.ly is down and rarely while it answers', async () => {
    vi.useFakeTimers();
    const state = { offline: true, lastContact: null as number | null, calls: 0 };
    const probe = new ConnectivityProbe(fakeClient(state), 'L', { now: () => Date.now() }, 1_000, 20);
    probe.start();
    await tick(210);
    const whileDown = state.calls;
    expect(whileDown).toBeGreaterThanOrEqual(10);
    state.offline = false;
    await tick(40); // one more probe finds it back
    const back = state.calls;
    await tick(300);
    expect(state.calls - back).toBe(0); // answered recently: no probing
    probe.stop();
  });
});
