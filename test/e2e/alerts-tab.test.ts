import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { desktopWindow, hasChromium, useStaffWindow } from './window-fixture.js';

/** The Alerts tab in Chromium: an alert raised and cleared shows in the history; the support file saves as a zip. */
describe.skipIf(!hasChromium)('Alerts tab (Chromium, built UI, real agent)', () => {
  let hook: WebhookReceiver;
  // Registered before the window's hooks, so the receiver is up when the agent is configured with its URL.
  beforeAll(async () => {
    hook = await startWebhookReceiver();
  });
  afterAll(async () => {
    await hook?.stop();
  });
  // One page for the file: the second test saves the support file from where the first left off.
  const w = useStaffWindow({
    viewport: desktopWindow,
    pagePerTest: false,
    context: { acceptDownloads: true },
    agent: () => ({ alerts: { stoklyDownAfterSeconds: 1, checkIntervalSeconds: 1, webhook: { url: hook.url, backoffBaseMs: 100, backoffCapMs: 300 } } }),
  });

  it('lists an alert while it is open and after it clears, and counts it on the tab', async () => {
    await w.open();
    const page = w.page;
    await page.getByRole('tab', { name: /^Alerts/ }).click();
    await page.getByText('No alert has been raised on this PC.').waitFor();

    w.ui.sandbox.setFaults({ outage: true });
    // A sale makes the agent try Stok.ly (and find it gone) at once.
    expect((await w.ui.kiosk().postSale(w.ui.sales().make())).status).toBe(201);
    const row = page.getByRole('row', { name: /Stok.ly cannot be reached/ });
    await row.getByText('Still open').waitFor();
    await page.getByRole('tab', { name: 'Alerts 1 open' }).waitFor();
    await row.getByText('Told when it opened').waitFor();

    w.ui.sandbox.setFaults({ outage: false });
    await row.getByText('Still open').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Alerts', exact: true }).waitFor();
    await row.getByText('Told when it opened and when it cleared').waitFor();
    await w.shot('alerts-tab.png');
    expect(w.problems).toEqual([]);
  }, 120_000);

  it('saves the support file: a zip with the configuration and no admin token', async () => {
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.getByRole('button', { name: 'Save support file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^shelfbridge-support-store-001-\d{4}-\d\d-\d\d\.zip$/);
    const path = await download.path();
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    expect(Object.keys(files)).toContain('config.json');
    const everything = Object.values(files).map((f) => strFromU8(f)).join('\n');
    expect(everything).not.toContain(w.ui.agent.adminToken);
    expect(everything).not.toContain(w.ui.sandbox.credentials.secretKey);
    expect(w.problems).toEqual([]);
  }, 60_000);
});
