import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { startUiAgent, uiDir, type UiAgent } from './ui-agent.js';

/** The Alerts tab in Chromium: an alert raised and cleared shows in the history; the support file saves as a zip. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe.skipIf(!existsSync(chromiumPath))('Alerts tab (Chromium, built UI, real agent)', () => {
  let ui: UiAgent;
  let hook: WebhookReceiver;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(uiDir, 'index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    hook = await startWebhookReceiver();
    ui = await startUiAgent({ alerts: { stoklyDownAfterSeconds: 1, checkIntervalSeconds: 1, webhook: { url: hook.url, backoffBaseMs: 100, backoffCapMs: 300 } } });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (err) => problems.push(err.message));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    await hook?.stop();
  });

  it('lists an alert while it is open and after it clears, and counts it on the tab', async () => {
    await page.goto(`${ui.agent.adminUrl}/#token=${encodeURIComponent(ui.agent.adminToken)}`);
    await page.getByRole('tab', { name: /^Alerts/ }).click();
    await page.getByText('No alert has been raised on this PC.').waitFor();

    ui.sandbox.setFaults({ outage: true });
    // A sale makes the agent try Stok.ly (and find it gone) at once.
    expect((await ui.kiosk().postSale(ui.sales().make())).status).toBe(201);
    const row = page.getByRole('row', { name: /Stok.ly cannot be reached/ });
    await row.getByText('Still open').waitFor();
    await page.getByRole('tab', { name: 'Alerts 1 open' }).waitFor();
    await row.getByText('Told when it opened').waitFor();

    ui.sandbox.setFaults({ outage: false });
    await row.getByText('Still open').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Alerts', exact: true }).waitFor();
    await row.getByText('Told when it opened and when it cleared').waitFor();
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'alerts-tab.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);

  it('saves the support file: a zip with the configuration and no admin token', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save support file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^shelfbridge-support-store-001-\d{4}-\d\d-\d\d\.zip$/);
    const path = await download.path();
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    expect(Object.keys(files)).toContain('config.json');
    const everything = Object.values(files).map((f) => strFromU8(f)).join('\n');
    expect(everything).not.toContain(ui.agent.adminToken);
    expect(everything).not.toContain(ui.sandbox.credentials.secretKey);
    expect(problems).toEqual([]);
  }, 60_000);
});
