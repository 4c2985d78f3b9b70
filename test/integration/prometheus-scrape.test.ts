import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startPrometheus, type PrometheusServer } from '../support/prometheus-server.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';

let h: Harness | undefined;
let prom: PrometheusServer | undefined;
afterEach(async () => {
  await prom?.stop();
  await h?.stop();
  prom = undefined;
  h = undefined;
});

const METRICS_TOKEN = 'metrics-token-for-prometheus-test';

describe('a real Prometheus scraping the agent', { timeout: 120_000 }, () => {
  it('sees the backlog grow and shelfbridge_stokly_up fall when Stok.ly is cut, and both recover', async () => {
    h = await startHarness({ config: { metrics: { host: '127.0.0.1', port: 0, token: METRICS_TOKEN } } });
    prom = await startPrometheus({ url: h.agent.metricsUrl!, token: METRICS_TOKEN, job: 'shelfbridge', labels: { store: 'store-001' } });
    const one = async (q: string): Promise<number | undefined> => (await prom!.query(q))[0];
    const until = (q: string, want: number, what: string) => waitFor(async () => (await one(q)) === want, 60_000, what);

    await until('up{job="shelfbridge",store="store-001"}', 1, 'Prometheus scraping the agent');
    await until('shelfbridge_stokly_up{store="store-001"}', 1, 'Stok.ly up in Prometheus');
    expect(await one('shelfbridge_outbox_pending')).toBe(0);

    h.sandbox.setFaults({ outage: true });
    const sales = Array.from({ length: 4 }, () => h!.sales().make());
    for (const s of sales) expect((await h.kiosk().postSale(s)).status).toBe(201);
    await until('shelfbridge_stokly_up', 0, 'Stok.ly down in Prometheus');
    await until('shelfbridge_outbox_pending', 4, 'the backlog in Prometheus');
    expect(await one('max_over_time(shelfbridge_outbox_pending[5m])')).toBe(4);

    h.sandbox.setFaults({ outage: false });
    await until('shelfbridge_outbox_pending', 0, 'the backlog drained in Prometheus');
    await until('shelfbridge_stokly_up', 1, 'Stok.ly back in Prometheus');
    await until('shelfbridge_sends_total{result="done"}', 4, 'four sends done');
    expect(await one('min_over_time(shelfbridge_stokly_up[5m])')).toBe(0);

    // The test leaves nothing behind: no process, no tmp dir.
    const { dir, pid } = prom;
    await prom.stop();
    prom = undefined;
    expect(existsSync(dir)).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
