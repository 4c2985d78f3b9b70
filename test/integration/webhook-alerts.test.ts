import { afterEach, describe, expect, it } from 'vitest';
import { alertListSchema } from '../../shared/alerts-api.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

let h: Harness | undefined;
let hook: WebhookReceiver | undefined;
afterEach(async () => {
  await h?.stop();
  await hook?.stop();
  h = undefined;
  hook = undefined;
});

interface Message { id: string; event: string; store: string; text: string; alert: { key: string; title: string } }
const messages = (): Message[] => (hook?.accepted ?? []) as Message[];
const ofStokly = (): Message[] => messages().filter((m) => m.alert.key === 'stokly-unreachable');
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function start(webhook: { timeoutMs?: number } = {}): Promise<Harness> {
  hook = await startWebhookReceiver();
  return startHarness({
    config: {
      alerts: {
        webhook: { url: hook.url, backoffBaseMs: 100, backoffCapMs: 300, timeoutMs: webhook.timeoutMs ?? 2_000 },
        stoklyDownAfterSeconds: 1,
        checkIntervalSeconds: 1,
      },
    },
  });
}

async function cutStokly(harness: Harness): Promise<void> {
  harness.sandbox.setFaults({ outage: true });
  // A sale makes the agent try Stok.ly (and find it gone) at once.
  expect((await harness.kiosk().postSale(harness.sales().make())).status).toBe(201);
}

async function alerts(harness: Harness) {
  const res = await fetch(`${harness.agent.adminUrl}/api/alerts`, { headers: { authorization: `Bearer ${harness.agent.adminToken}` } });
  expect(res.status).toBe(200);
  return alertListSchema.parse(await res.json());
}

describe('alerts leave the store by webhook', { timeout: 90_000 }, () => {
  it('one message when Stok.ly is cut, none while it stays cut, one when it is back; history in /api/alerts', async () => {
    h = await start();
    await cutStokly(h);
    await waitFor(() => ofStokly().length === 1, 20_000, 'the opening message');
    const [opened] = ofStokly();
    expect(opened).toMatchObject({ event: 'opened', store: 'store-001', alert: { title: 'Stok.ly cannot be reached' } });
    expect(opened!.text).toContain('Store store-001: Stok.ly cannot be reached');

    // Still cut for several more checks: nothing more is sent.
    await settle(3_000);
    expect(ofStokly()).toHaveLength(1);

    h.sandbox.setFaults({ outage: false });
    await waitFor(() => ofStokly().length === 2, 30_000, 'the resolution message');
    expect(ofStokly()[1]).toMatchObject({ event: 'resolved', alert: { key: 'stokly-unreachable' } });
    expect(ofStokly()[1]!.id).not.toBe(opened!.id);
    await settle(2_000);
    expect(ofStokly()).toHaveLength(2);

    const list = await alerts(h);
    expect(list.webhookConfigured).toBe(true);
    const item = list.alerts.find((a) => a.key === 'stokly-unreachable')!;
    expect(item.resolvedAt).not.toBeNull();
    expect(item.webhook).toEqual({ opened: 'delivered', resolved: 'delivered', lastError: null });
  });

  it('retries a failing (and a hanging) receiver with backoff, without duplicates, while sales go on', async () => {
    h = await start({ timeoutMs: 500 });
    hook!.script(['hang', 'fail', 'fail', 'ok']);
    await cutStokly(h);
    await waitFor(() => hook!.attempts >= 1, 20_000, 'a first attempt');
    // The receiver hangs: sales are still taken at once.
    expect((await h.kiosk().postSale(h.sales().make())).status).toBe(201);
    await waitFor(() => ofStokly().length === 1, 20_000, 'the opening message after retries');
    expect(hook!.attempts).toBe(4);
    await settle(1_500);
    expect(ofStokly()).toHaveLength(1);
    expect(hook!.attempts).toBe(4);
  });

  it('a restart neither loses a waiting message nor sends one twice, nor re-opens the alert', async () => {
    h = await start();
    hook!.script(['fail']);
    await cutStokly(h);
    await waitFor(async () => (await alerts(h!)).alerts.some((a) => a.key === 'stokly-unreachable' && a.webhook.opened === 'waiting' && a.webhook.lastError === 'HTTP 500'), 20_000, 'a waiting message');
    expect(ofStokly()).toHaveLength(0);

    await h.agent.stop();
    hook!.script(['ok']);
    await h.restart();
    await waitFor(() => ofStokly().length === 1, 20_000, 'the message delivered after the restart');
    // Still cut after the restart: the alert stays the one it was, nothing new is opened.
    await settle(3_000);
    expect(ofStokly()).toHaveLength(1);
    expect((await alerts(h)).alerts.filter((a) => a.key === 'stokly-unreachable')).toHaveLength(1);
  });
});
