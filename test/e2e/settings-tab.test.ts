import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopSettings } from '../../shared/desktop-settings.js';
import { startUiAgent, uiDir, type UiAgent } from './ui-agent.js';

/**
 * The desktop Settings tab in Chromium against the real agent, with a stand-in for the
 * Electron bridge (window.shelfbridge, what electron/preload.ts exposes): the configuration
 * path and safe settings shown, secrets sent to the shell and never shown back.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const secret = 'sk_live_typed_by_it_7f3a9c';

function settingsView(stokly: 'missing' | 'stored'): DesktopSettings {
  return {
    configPath: 'C:\\Users\\till\\AppData\\Roaming\\Shelfbridge\\config.json',
    version: '1.4.0',
    settings: {
      storeId: 'store-001', dataDir: 'C:\\ProgramData\\Shelfbridge',
      kioskApi: { host: '0.0.0.0', port: 4780, kiosksInFile: 2 }, adminApi: { host: '127.0.0.1', port: 4781 },
      stokly: { baseUrl: 'https://api.stok.ly', accountKey: 'acme', locationId: 'loc-1', channelId: 'chan-1' },
      cloudshelf: null, backup: { schedule: '30 3 * * *', keep: 14 },
      updates: { enabled: true, feedUrl: null, channel: 'stable', maintenanceWindow: { start: '02:00', end: '05:00', timeZone: 'Europe/London' } },
      logLevel: 'info',
    },
    configError: null,
    secrets: { stoklySecretKey: stokly, cloudshelfApiKey: 'missing' },
    canStoreSecrets: true,
    pendingUpdate: { version: '1.5.0', reason: 'outside the maintenance window (02:00–05:00)' },
  };
}

/** The fake bridge, as page script text (this file is compiled without the DOM library). */
function bridgeScript(adminUrl: string, adminToken: string): string {
  return `
    window.__secretsSent = [];
    window.shelfbridge = {
      adminConnection: async () => ({ state: 'ready', adminUrl: ${JSON.stringify(adminUrl)}, adminToken: ${JSON.stringify(adminToken)} }),
      openLogsFolder: async () => undefined,
      settings: async () => (${JSON.stringify(settingsView('missing'))}),
      setSecrets: async (values) => { window.__secretsSent.push(values); return ${JSON.stringify(settingsView('stored'))}; },
    };`;
}

describe.skipIf(!existsSync(chromiumPath))('Settings tab (Chromium, built UI, real agent, fake Electron bridge)', () => {
  let ui: UiAgent;
  let browser: Browser;
  let desktop: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(uiDir, 'index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    ui = await startUiAgent();
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    desktop = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await desktop.addInitScript(bridgeScript(ui.agent.adminUrl, ui.agent.adminToken));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
  });

  it('shows the configuration path and safe settings, sends secrets to the shell and never shows them back', async () => {
    const page = await desktop.newPage();
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (err) => problems.push(err.message));
    await page.goto(`${ui.agent.adminUrl}/`);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByText('C:\\Users\\till\\AppData\\Roaming\\Shelfbridge\\config.json').waitFor();
    await page.getByRole('row', { name: /Updates/ }).getByText(/02:00–05:00 \(Europe\/London\)/).waitFor();
    await page.getByText(/Version 1\.5\.0 is downloaded and waits: outside the maintenance window/).waitFor();

    const field = page.getByLabel(/Stok\.ly secret key — Not set/);
    expect(await field.getAttribute('type')).toBe('password');
    await field.fill(secret);
    await page.getByRole('button', { name: 'Save secrets' }).click();
    await page.getByRole('status').getByText(/Saved\. The agent is restarting/).waitFor();
    await page.getByLabel(/Stok\.ly secret key — Set \(kept encrypted/).waitFor();

    expect(await page.evaluate('window.__secretsSent')).toEqual([{ stoklySecretKey: secret }]);
    expect(await page.getByLabel(/Stok\.ly secret key/).inputValue()).toBe('');
    expect(await page.content()).not.toContain(secret);
    expect(problems).toEqual([]);
  });

  it('is not offered in a plain browser, which has no shell to keep secrets', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ui.agent.adminUrl}/#token=${encodeURIComponent(ui.agent.adminToken)}`);
    await page.getByRole('tab', { name: 'Kiosks' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Settings' }).count()).toBe(0);
    await context.close();
  });
});
