import { unzipSync, strFromU8 } from 'fflate';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, waitFor, type Harness } from '../support/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const ADMIN_TOKEN = 'admin-token-SECRET-7f3a9c1e5b2d4680';
const METRICS_TOKEN = 'metrics-token-SECRET-0a1b2c3d4e5f6789';
const WEBHOOK_URL = 'https://hooks.slack.com/services/T000SECRET/B000SECRET/webhookSECRETpath42';
const CUSTOMER = { name: 'Zebedee Quintrell-Vasquez', email: 'zebedee.quintrell@example.org' };

describe('GET /api/support-bundle', { timeout: 90_000 }, () => {
  it('is a zip of logs, redacted configuration, database figures, alerts and exceptions, with no secret, token or customer datum', async () => {
    h = await startHarness({
      cloudshelf: true,
      config: {
        adminApi: { token: ADMIN_TOKEN },
        metrics: { host: '127.0.0.1', port: 0, token: METRICS_TOKEN },
        alerts: { webhook: { url: WEBHOOK_URL } },
      },
    });
    const stoklySecret = h.sandbox.credentials.secretKey;
    const cloudshelfKey = h.cloudshelf!.apiKey;
    // A sale with a customer that needs a person (unknown SKU): it is in the exceptions.
    const sale = h.sales().make();
    const withCustomer = { ...sale, customer: CUSTOMER, lines: [{ ...sale.lines[0]!, sku: 'NO-SUCH-SKU-1' }] };
    const total = withCustomer.lines[0]!.unitPrice * withCustomer.lines[0]!.quantity - withCustomer.lines[0]!.discount;
    withCustomer.payments = [{ tender: 'card', amount: total }];
    expect((await h.kiosk().postSale(withCustomer)).status).toBe(201);
    await waitFor(() => h!.agent.status().exceptions.open > 0, 15_000, 'the exception');
    // Log lines that quote secrets and the customer, as a careless library might.
    mkdirSync(join(h.dataDir, 'logs'), { recursive: true });
    appendFileSync(join(h.dataDir, 'logs', 'agent.log'), [
      `[info] grant with secret ${stoklySecret}`,
      `[info] cloudshelf key ${cloudshelfKey} and webhook ${WEBHOOK_URL}`,
      `[warn] request with Authorization: Bearer ${ADMIN_TOKEN}`,
      `[info] receipt to ${CUSTOMER.email}`,
      '[info] an ordinary line that stays',
      '',
    ].join('\n'));

    const url = `${h.agent.adminUrl}/api/support-bundle`;
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="shelfbridge-support-store-001-.+\.zip"$/);
    const zip = new Uint8Array(await res.arrayBuffer());
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'alerts.json', 'config.json', 'database.json', 'exceptions.json', 'logs/agent.log', 'status.json']);

    const config = JSON.parse(strFromU8(files['config.json']!)) as { storeId: string; adminApi: { token: string }; metrics: { token: string }; stokly: { baseUrl: string } };
    expect(config.storeId).toBe('store-001');
    expect(config.adminApi.token).toBe('[removed]');
    expect(config.metrics.token).toBe('[removed]');
    expect(config.stokly.baseUrl).toBe(h.sandbox.url);
    const db = JSON.parse(strFromU8(files['database.json']!)) as { schemaVersion: number; rows: Record<string, number> };
    expect(db.schemaVersion).toBeGreaterThanOrEqual(110);
    expect(db.rows.outbox).toBe(1);
    const exceptions = JSON.parse(strFromU8(files['exceptions.json']!)) as Array<{ subjectRef: string; reason: string }>;
    expect(exceptions).toContainEqual(expect.objectContaining({ subjectRef: sale.saleId, reason: 'unknown_sku' }));
    expect(strFromU8(files['logs/agent.log']!)).toContain('an ordinary line that stays');

    // The search: every byte of every file, and the zip itself (stored names, comments).
    const everything = [Buffer.from(zip).toString('latin1'), ...Object.values(files).map((f) => strFromU8(f))].join('\n');
    const forbidden = [
      ADMIN_TOKEN, METRICS_TOKEN, WEBHOOK_URL, 'webhookSECRETpath42', stoklySecret, cloudshelfKey,
      CUSTOMER.name, CUSTOMER.email, 'Quintrell',
      ...h.agent.config.kioskApi.kiosks.map((k) => k.tokenSha256),
    ];
    for (const secret of forbidden) expect(everything, `bundle contains ${secret}`).not.toContain(secret);
  });
});
