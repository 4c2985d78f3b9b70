import { describe, expect, it } from 'vitest';
import { defaultRestartPolicy, RestartBackoff } from '../../electron/shell/restart-policy.js';

describe('restart backoff', () => {
  it('doubles from the base delay up to the cap, never beyond', () => {
    const backoff = new RestartBackoff({ baseMs: 1_000, capMs: 10_000, stableAfterMs: 60_000 });
    const delays = Array.from({ length: 8 }, () => backoff.nextDelay(50));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000, 10_000]);
  });

  it('starts again from the base after a core that stayed up', () => {
    const backoff = new RestartBackoff({ baseMs: 1_000, capMs: 10_000, stableAfterMs: 60_000 });
    backoff.nextDelay(10);
    backoff.nextDelay(10);
    expect(backoff.nextDelay(10)).toBe(4_000);
    expect(backoff.nextDelay(60_000)).toBe(1_000);
    expect(backoff.nextDelay(10)).toBe(2_000);
  });

  it('stays bounded after a very long crash loop', () => {
    const backoff = new RestartBackoff();
    let last = 0;
    for (let i = 0; i < 10_000; i += 1) last = backoff.nextDelay(0);
    expect(last).toBe(defaultRestartPolicy.capMs);
    expect(Number.isFinite(last)).toBe(true);
  });

  it('default policy: first restart within seconds, a crash loop at most every five minutes', () => {
    const backoff = new RestartBackoff();
    expect(backoff.nextDelay(0)).toBeLessThanOrEqual(2_000);
    expect(defaultRestartPolicy.capMs).toBe(300_000);
  });

  it('rejects a policy whose cap is below its base', () => {
    expect(() => new RestartBackoff({ baseMs: 5_000, capMs: 1_000, stableAfterMs: 1 })).toThrow(RangeError);
  });
});
