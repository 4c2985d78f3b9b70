import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { promtool, sample } from '../support/promtool.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(async () => h?.stop());

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

async function scrape(url: string, token: string): Promise<string> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

// promtool is a separate process; on a loaded CI machine it takes a while to start.
describe('GET /metrics', { timeout: 90_000 }, () => {
  it('answers only with the admin token, and promtool accepts what it says', async () => {
    h = await startHarness({ cloudshelf: true });
    const url = `${h.agent.adminUrl}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    const text = await scrape(url, h.agent.adminToken);

    const lint = promtool(['check', 'metrics'], text);
    // prom-client's own default gauges keep their historic *_total names; nothing else may be flagged.
    const complaints = lint.output.split('\n').filter(Boolean);
    expect(complaints.filter((c) => !/^nodejs_active_(handles|requests|resources)_total non-counter metrics should not have "_total" suffix$/.test(c))).toEqual([]);
    expect(lint.output).not.toMatch(/error/i);
    // 0: clean; 3: lint findings only (the ones allowed above); 1 would be a parse failure.
    expect([0, 3]).toContain(lint.status);
    for (const name of [
      'shelfbridge_build_info', 'shelfbridge_outbox_pending', 'shelfbridge_outbox_oldest_pending_age_seconds', 'shelfbridge_outbox_exceptions',
      'shelfbridge_sends_total', 'shelfbridge_stokly_up', 'shelfbridge_stokly_request_duration_seconds', 'shelfbridge_stock_last_success_timestamp_seconds',
      'shelfbridge_catalog_last_success_timestamp_seconds', 'shelfbridge_alerts_open', 'shelfbridge_reconciliation_reports',
      'shelfbridge_reconciliation_latest_variance_minor_units', 'process_cpu_seconds_total', 'nodejs_heap_size_used_bytes',
    ]) expect(text).toContain(`# TYPE ${name} `);
    expect(text).toMatch(/shelfbridge_build_info\{version="[^"]+",store="store-001"\} 1/);
    expect(text).toContain('# TYPE shelfbridge_cloudshelf_issues_open gauge');

    // The shipped rules and dashboard only use names the agent really exports.
    const exported = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
    const used = `${readFileSync('deploy/prometheus/shelfbridge-rules.yml', 'utf8')}${readFileSync('deploy/grafana/shelfbridge-fleet.json', 'utf8')}`;
    const names = new Set([...used.matchAll(/shelfbridge_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|sum|count)$/, '')));
    expect(names.size).toBeGreaterThan(8);
    for (const name of names) expect(exported, name).toContain(name);
  });

  it('moves with the outbox: the backlog and stokly_up during an outage, sends once it is over', async () => {
    h = await startHarness();
    const url = `${h.agent.adminUrl}/metrics`;
    const token = h.agent.adminToken;
    await waitFor(async () => sample(await scrape(url, token), 'shelfbridge_stokly_up') === 1, 10_000, 'Stok.ly up');

    h.sandbox.setFaults({ outage: true });
    const sales = Array.from({ length: 3 }, () => h.sales().make());
    for (const s of sales) expect((await h.kiosk().postSale(s)).status).toBe(201);
    const during = await waitFor(async () => {
      const text = await scrape(url, token);
      return sample(text, 'shelfbridge_stokly_up') === 0 && sample(text, 'shelfbridge_outbox_pending') === 3 ? text : null;
    }, 10_000, 'backlog of 3 while Stok.ly is down');
    expect(sample(during, 'shelfbridge_stokly_request_duration_seconds_count{outcome="network"}')).toBeGreaterThan(0);
    // No sale id or SKU ever becomes a label.
    for (const s of sales) {
      expect(during).not.toContain(s.saleId);
      for (const l of s.lines) expect(during).not.toContain(l.sku);
    }

    h.sandbox.setFaults({ outage: false });
    const after = await waitFor(async () => {
      const text = await scrape(url, token);
      return sample(text, 'shelfbridge_outbox_pending') === 0 ? text : null;
    }, 15_000, 'backlog drained');
    expect(sample(after, 'shelfbridge_stokly_up')).toBe(1);
    expect(sample(after, 'shelfbridge_sends_total{result="done"}')).toBe(3);
    expect(sample(after, 'shelfbridge_outbox_oldest_pending_age_seconds')).toBe(0);
    expect(sample(after, 'shelfbridge_stock_last_success_timestamp_seconds')).toBeGreaterThan(1_700_000_000);
  });

  it('serves the LAN listener with its own token, and only /metrics there', async () => {
    h = await startHarness({ config: { metrics: { host: '127.0.0.1', port: 0, token: METRICS_TOKEN } } });
    const url = h.agent.metricsUrl;
    expect(url).not.toBeNull();
    expect((await fetch(url!, { headers: { authorization: `Bearer ${h.agent.adminToken}` } })).status).toBe(401);
    const text = await scrape(url!, METRICS_TOKEN);
    expect(text).toContain('shelfbridge_outbox_pending 0');
    expect((await fetch(url!.replace('/metrics', '/api/status'), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
    // The admin port does not take the metrics token.
    expect((await fetch(`${h.agent.adminUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(401);
  });
});
