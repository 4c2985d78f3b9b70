import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskClient } from '../../sim/kiosks/kiosk-client.js';
import { startUiAgent, uiDir, type UiAgent } from './ui-agent.js';

/** The Kiosks tab in Chromium: enrol (token shown once, copy, QR code), the token works, revoke with confirmation. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe.skipIf(!existsSync(chromiumPath))('Kiosks tab (Chromium, built UI, real agent)', () => {
  let ui: UiAgent;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(uiDir, 'index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    ui = await startUiAgent();
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ui.agent.adminUrl });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (err) => problems.push(err.message));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
  });

  const saleFrom20 = () => ({ ...ui.sales().make(), kioskId: 'kiosk-20' });

  it('enrols a kiosk whose token works at once, then revokes it after a confirmation', async () => {
    await page.goto(`${ui.agent.adminUrl}/#token=${encodeURIComponent(ui.agent.adminToken)}`);
    await page.getByRole('tab', { name: 'Kiosks' }).click();
    // The file's kiosks are listed, not revocable here.
    await page.getByRole('row', { name: /kiosk-01/ }).getByText('In the configuration file').waitFor();

    await page.getByLabel(/Kiosk id/).fill('kiosk-20');
    await page.getByLabel(/Name staff recognise/).fill('Entrance');
    await page.getByRole('button', { name: 'Enrol kiosk' }).click();
    await page.getByRole('heading', { name: /Kiosk kiosk-20 \(Entrance\) is enrolled/ }).waitFor();
    const token = await page.getByLabel('Token', { exact: true }).inputValue();
    expect(token).toMatch(/^sbk_/);
    await page.getByRole('img', { name: /QR code of the token for kiosk kiosk-20/ }).waitFor();
    await page.getByRole('button', { name: 'Copy token' }).click();
    await page.getByText('Copied.').waitFor();
    // A string: this file is compiled without the DOM library.
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(token);

    const kiosk = new KioskClient(ui.agent.kioskUrl, 'kiosk-20', token);
    expect((await kiosk.postSale(saleFrom20())).status).toBe(201);

    await page.getByRole('button', { name: /Done/ }).click();
    // Gone from the screen once dismissed: it is never shown again.
    expect(await page.getByText(token).count()).toBe(0);
    const row = page.getByRole('row', { name: /kiosk-20/ });
    await row.getByRole('button', { name: 'Revoke…' }).click();
    await row.getByText('Revoke Entrance? It can no longer send sales').waitFor();
    await row.getByRole('button', { name: 'Cancel' }).click();
    expect((await kiosk.postSale(saleFrom20())).status).toBe(201);
    await row.getByRole('button', { name: 'Revoke…' }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await page.getByRole('row', { name: /kiosk-20/ }).waitFor({ state: 'detached' });
    expect((await kiosk.postSale(saleFrom20())).status).toBe(401);
    expect(problems).toEqual([]);
  });
});
