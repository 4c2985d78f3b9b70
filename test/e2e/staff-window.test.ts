import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../support/harness.js';
import { fixtureReport, fixtureVersions } from './takings-fixture.js';
import { startUiAgent, uiDir, type UiAgent } from './ui-agent.js';

/**
 * The staff window, built, served by a real agent (Stok.ly sandbox behind it) and driven in
 * Debian's Chromium: what shop staff, retail ops and finance see and do.
 */

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const shots = 'test-results';
// The CI machine has two cores: the UI polls every 5 s and the agent retries on its own clock.
const uiTimeout = 60_000;

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(shots, name), fullPage: true });

describe.skipIf(!existsSync(chromiumPath))('staff window (Chromium, built UI, real agent)', () => {
  let ui: UiAgent;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    if (!existsSync(join(uiDir, 'index.html'))) {
      execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    }
    mkdirSync(shots, { recursive: true });
    ui = await startUiAgent();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
  });

  beforeEach(async () => {
    // A back-office PC screen.
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(uiTimeout);
    problems = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      // A 404 answer is logged by Chromium as a failed resource; the page itself handles it.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
    });
  });

  afterEach(async () => {
    await context?.close();
  });

  const openWindow = async (): Promise<void> => {
    await page.goto(`${ui.agent.adminUrl}/#token=${encodeURIComponent(ui.agent.adminToken)}`);
    await page.getByRole('heading', { name: 'Status', exact: true }).waitFor();
    // The token is kept for the tab, not left in the address bar.
    expect(page.url()).not.toContain('token=');
  };

  it('a sale with an unknown SKU: listed, mapped to a Stok.ly item for this sale, posted once, gone from the list', async () => {
    const sale = ui.sales().make({ unknownSku: true, lines: 1 });
    const unknownSku = sale.lines[0]!.sku;
    const item = [...ui.sandbox.state.items.values()].find((i) => i.status === 0 && i.format === 0 && i.sku !== unknownSku)!;
    expect((await ui.kiosk().postSale(sale)).status).toBe(201);

    await openWindow();
    await page.getByText('Overall health').waitFor();
    await shot(page, '01-status.png');

    // Keyboard: the tabs move with the arrow keys.
    await page.getByRole('tab', { name: 'Status' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: 'Needs attention', exact: true }).waitFor();
    expect(await page.getByRole('tab', { name: /Needs attention/ }).getAttribute('aria-selected')).toBe('true');

    const listed = page.getByRole('listitem').filter({ hasText: sale.saleId });
    await listed.waitFor();
    await expect.poll(() => listed.textContent()).toContain('Stok.ly does not know a SKU');
    expect(await listed.textContent()).toContain('What to do:');
    await page.getByRole('heading', { name: 'Cloudshelf' }).waitFor();
    await shot(page, '02-needs-attention.png');

    await listed.getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Stok.ly does not know a SKU on this sale' }).waitFor();
    await page.getByText('What Stok.ly said').waitFor();
    // The SKU to map is prefilled from the sale's lines.
    expect(await page.getByLabel('SKU on the sale').inputValue()).toBe(unknownSku);
    expect(await page.getByRole('table', { name: 'Lines' }).textContent()).toContain(unknownSku);
    await shot(page, '03-exception-detail.png');

    // An expert's wrong item id: the agent refuses (422) and its own words are shown.
    await page.getByText('Know the Stok.ly item id?').click();
    await page.getByLabel('Stok.ly item id').fill('NO-SUCH-ITEM');
    await page.getByLabel('This sale only').check();
    await page.getByRole('button', { name: 'Map SKU' }).click();
    // Asked once per session who is acting.
    const dialog = page.getByRole('dialog', { name: 'Who is doing this?' });
    await dialog.getByLabel('Your name').fill('Sam Tester');
    await shot(page, '04-name-dialog.png');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not done:' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Stok.ly has no item NO-SUCH-ITEM');
    await shot(page, '04b-map-sku-refused.png');

    // A shop assistant: types part of the product's name and picks it; no id typed.
    await page.getByLabel('Stok.ly item id').fill('');
    const word = item.name.split(/\s+/).find((w) => w.length >= 4) ?? item.name;
    const picker = page.getByRole('combobox', { name: 'Product in Stok.ly' });
    await picker.fill(word.slice(0, 4).toLowerCase());
    const option = page.getByRole('option').filter({ hasText: item.sku });
    await option.waitFor();
    expect(await option.textContent()).toContain(item.name);
    await shot(page, '04c-map-sku-picker.png');
    await option.click();
    await page.getByText('Choose another product').waitFor();
    // The name is not asked again.
    await page.getByRole('button', { name: 'Map SKU' }).click();
    expect(await dialog.count()).toBe(0);
    await page.getByText(`SKU ${unknownSku} mapped to ${item.name} (Stok.ly SKU ${item.sku}) for this sale only`).waitFor();
    // The agent posts it; the item closes by itself.
    await page.locator('.pill-state-resolved').waitFor();
    await page.getByRole('cell', { name: 'Mapped a SKU for this sale' }).waitFor();
    await shot(page, '05-exception-resolved.png');

    await page.getByRole('button', { name: /Back to Needs attention/ }).click();
    await page.getByText('Nothing needs you right now.').waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: sale.saleId }).count()).toBe(0);

    const orders = await waitFor(() => {
      const o = ui.sandbox.state.ordersByReference(`store-001/${sale.saleId}`);
      return o.length > 0 ? o : null;
    }, uiTimeout, `the order for ${sale.saleId}`);
    await new Promise((r) => setTimeout(r, 500));
    expect(ui.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)).toHaveLength(1);
    expect(orders[0]!.lines.map((l) => l.referenceId)).toContain(item.itemId);

    // The name went into the audit log.
    const audit = await fetch(`${ui.agent.adminUrl}/api/audit`, { headers: { authorization: `Bearer ${ui.agent.adminToken}` } });
    const entries = ((await audit.json()) as { items: Array<{ actor: string; action: string; subjectRef: string }> }).items;
    expect(entries).toContainEqual(expect.objectContaining({ actor: 'Sam Tester', action: 'map_sku_sale', subjectRef: sale.saleId }));

    // Retail ops: the sale's unknown SKU is flagged, and the syncs can be run from here.
    await page.getByRole('tab', { name: /Stock/ }).click();
    await page.getByRole('heading', { name: 'Stock flags' }).waitFor();
    await page.getByRole('button', { name: /^Unknown SKU/ }).click();
    await page.getByRole('row').filter({ hasText: sale.saleId }).waitFor();
    await page.getByRole('button', { name: 'Sync stock now' }).click();
    await page.getByText(/^Done at /).waitFor();
    await shot(page, '06-stock.png');

    // Finance: whatever the agent answers for yesterday, the page understands it.
    await page.getByRole('tab', { name: 'Takings' }).click();
    await page.getByRole('heading', { name: /^Takings:/ }).waitFor();
    await page.locator('.report-summary, .notice-inline, .error-banner').first().waitFor();
    const takings = (await page.getByRole('tabpanel').textContent()) ?? '';
    expect(takings).not.toContain('Unexpected answer');
    await shot(page, '07-takings-live.png');

    expect(problems).toEqual([]);
  }, 240_000);

  it('Takings: status in a word, tenders against Stok.ly, the explaining lines, versions and the CSV', async () => {
    const csvRequests: string[] = [];
    await page.route(/\/api\/reconciliation\//, async (route) => {
      const url = new URL(route.request().url());
      expect(route.request().headers().authorization).toBe(`Bearer ${ui.agent.adminToken}`);
      const match = /^\/api\/reconciliation\/(\d{4}-\d{2}-\d{2})(\.csv|\/versions)?$/.exec(url.pathname);
      if (!match) return route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'no such day' } } });
      const [, day, suffix] = match;
      const version = url.searchParams.get('version') === '1' ? 1 : 2;
      if (suffix === '/versions') return route.fulfill({ json: fixtureVersions(day!) });
      if (suffix === '.csv') {
        csvRequests.push(url.pathname + url.search);
        return route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body: '\ufeffsection,tender\r\nreport,\r\n' });
      }
      return route.fulfill({ json: fixtureReport(day!, version) });
    });

    await openWindow();
    await page.getByRole('tab', { name: 'Takings' }).click();
    // The status is a word on the badge, not only a colour.
    const badge = page.locator('.report-summary .badge');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('Variance');
    const tenders = page.getByRole('table', { name: /per tender/ });
    const cardRow = tenders.getByRole('row').filter({ hasText: 'Card takings' });
    expect(await cardRow.textContent()).toContain('£115.50');
    expect(await cardRow.textContent()).toContain('Stok.ly short');
    expect(await tenders.getByRole('row').filter({ hasText: 'Cash' }).textContent()).toContain('matches');
    const line = page.getByRole('table', { name: /explain/ }).getByRole('row').filter({ hasText: 'S-20261125-0042' });
    expect(await line.textContent()).toContain('Amount differs');
    expect(await line.textContent()).toContain('−£4.50');
    await shot(page, '08-takings-variance.png');

    const versionSelect = page.getByLabel('Version');
    expect(await versionSelect.locator('option').count()).toBe(2);
    await versionSelect.selectOption('1');
    await expect.poll(() => badge.textContent(), { timeout: uiTimeout }).toContain('Provisional');
    await page.getByText('Nothing to explain: every transaction matches.').waitFor();
    await shot(page, '09-takings-version-1.png');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^reconciliation-store-001-\d{4}-\d{2}-\d{2}-v1\.csv$/);
    expect(csvRequests).toHaveLength(1);
    expect(csvRequests[0]).toMatch(/\.csv\?version=1$/);

    expect(problems).toEqual([]);
  }, 180_000);
});
