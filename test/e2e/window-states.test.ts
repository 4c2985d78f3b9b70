import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureReport, fixtureVersions } from './takings-fixture.js';
import { startUiAgent, uiDir, type UiAgent } from './ui-agent.js';

/**
 * The staff window's honest states and its accessibility, in Chromium against a real agent:
 * a refund waiting for its sale, the agent stopping, axe on every tab, Takings at 1100 px.
 */

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const shots = 'test-results';
const uiTimeout = 60_000;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }

/** axe-core in the page: violations of moderate impact or worse, as readable lines. */
async function axeProblems(page: Page): Promise<string[]> {
  // Page code as strings: the tests are type-checked without the DOM library.
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate<AxeViolation[]>("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)");
  return violations
    .filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe.skipIf(!existsSync(chromiumPath))('staff window states and accessibility (Chromium)', () => {
  let ui: UiAgent;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(uiDir, 'index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
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
    // The desktop window's size.
    // axe is put into the page, so the page's script policy is bypassed for the test only.
    context = await browser.newContext({ viewport: { width: 1100, height: 760 }, bypassCSP: true });
    page = await context.newPage();
    page.setDefaultTimeout(uiTimeout);
  });

  afterEach(async () => {
    await context?.close();
  });

  const openWindow = async (agent = ui): Promise<void> => {
    await page.goto(`${agent.agent.adminUrl}/#token=${encodeURIComponent(agent.agent.adminToken)}`);
    await page.getByRole('heading', { name: 'Status', exact: true }).waitFor();
  };

  it('a refund waiting for its sale leaves the store OK and says so in its own words', async () => {
    const sale = ui.sales().make({ lines: 1 });
    const line = sale.lines[0]!;
    const refund = {
      refundId: `rf-${sale.saleId}`, saleId: sale.saleId, kioskId: sale.kioskId, occurredAt: new Date().toISOString(), currency: sale.currency,
      lines: [{ sku: line.sku, quantity: 1, amount: line.unitPrice - line.discount, restock: false }],
      payments: [{ tender: 'card', amount: line.unitPrice - line.discount }],
    };
    expect((await ui.kiosk().post('/v1/refunds', refund)).status).toBe(201);
    await openWindow();
    const health = page.locator('.card').filter({ hasText: 'Overall health' });
    await expect.poll(() => health.textContent(), { timeout: uiTimeout }).toContain('OK');
    const row = page.getByRole('row').filter({ hasText: refund.refundId });
    await row.waitFor();
    expect(await row.textContent()).toContain('Waiting for its sale');
    expect(await row.textContent()).toContain('Nothing to do');
    expect(await page.locator('.card').filter({ hasText: 'Waiting to send' }).textContent()).toContain('One refund waits for its sale');
    await page.screenshot({ path: join(shots, '10-refund-waiting-for-sale.png'), fullPage: true });
  }, 120_000);

  it('axe finds nothing moderate or worse on any tab', async () => {
    await page.route(/\/api\/reconciliation\//, async (route) => {
      const url = new URL(route.request().url());
      const match = /^\/api\/reconciliation\/(\d{4}-\d{2}-\d{2})(\.csv|\/versions)?$/.exec(url.pathname);
      if (!match) return route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'no such day' } } });
      if (match[2] === '/versions') return route.fulfill({ json: fixtureVersions(match[1]!) });
      return route.fulfill({ json: fixtureReport(match[1]!, 2) });
    });
    await openWindow();
    const found: Record<string, string[]> = {};
    await page.getByText('Overall health').waitFor();
    found.status = await axeProblems(page);
    await page.getByRole('tab', { name: /Needs attention/ }).click();
    await page.getByRole('heading', { name: 'Needs attention', exact: true }).waitFor();
    await page.locator('.attention-list, .all-clear').first().waitFor();
    found.attention = await axeProblems(page);
    await page.getByRole('tab', { name: 'Stock' }).click();
    await page.getByRole('heading', { name: 'Stock flags' }).waitFor();
    found.stock = await axeProblems(page);
    await page.getByRole('tab', { name: 'Takings' }).click();
    await page.locator('.report-summary').waitFor();
    found.takings = await axeProblems(page);
    expect(found).toEqual({ status: [], attention: [], stock: [], takings: [] });
  }, 120_000);

  it('Takings fits 1100×760 without sideways scrolling, the variance column in view', async () => {
    await page.route(/\/api\/reconciliation\//, async (route) => {
      const url = new URL(route.request().url());
      const match = /^\/api\/reconciliation\/(\d{4}-\d{2}-\d{2})(\.csv|\/versions)?$/.exec(url.pathname);
      if (!match) return route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'no such day' } } });
      if (match[2] === '/versions') return route.fulfill({ json: fixtureVersions(match[1]!) });
      return route.fulfill({ json: fixtureReport(match[1]!, 2) });
    });
    await openWindow();
    await page.getByRole('tab', { name: 'Takings' }).click();
    const tenders = page.getByRole('table', { name: /per tender/ });
    await tenders.waitFor();
    const overflow = await page.evaluate<{ page: boolean; wide: string[] }>(`({
      page: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      wide: [...document.querySelectorAll('.table-wrap, main, body')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className || el.tagName),
    })`);
    expect(overflow).toEqual({ page: false, wide: [] });
    const variance = tenders.getByRole('columnheader', { name: /Variance/ }).first();
    const box = await variance.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1100);
    await page.screenshot({ path: join(shots, '11-takings-1100.png'), fullPage: true });
  }, 120_000);

  it('the agent stopped: a full-width banner says what to do, actions are off, figures are marked as of', async () => {
    const own = await startUiAgent();
    try {
      await openWindow(own);
      await page.getByText('Overall health').waitFor();
      await page.getByRole('tab', { name: 'Stock' }).click();
      const sync = page.getByRole('button', { name: 'Sync stock now' });
      await sync.waitFor();
      expect(await sync.isEnabled()).toBe(true);
      await own.agent.stop();
      const banner = page.getByRole('alert').filter({ hasText: 'The sync agent is not answering' });
      await banner.waitFor();
      expect(await banner.textContent()).toContain('restart this PC');
      await expect.poll(() => sync.isDisabled(), { timeout: uiTimeout }).toBe(true);
      await page.getByRole('tab', { name: 'Status' }).click();
      await page.getByText(/^Figures as of/).waitFor();
      expect(await page.locator('.card').filter({ hasText: 'Stok.ly connection' }).textContent()).not.toContain('Online');
      await page.screenshot({ path: join(shots, '12-agent-down.png'), fullPage: true });
    } finally {
      await own.stop();
    }
  }, 180_000);
});
