import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneUnitRefund } from '../support/refunds.js';
import { mockTakings } from './takings-fixture.js';
import { startUiAgent } from './ui-agent.js';
import { axeProblems, desktopWindow, hasChromium, shots, uiTimeout, useStaffWindow } from './window-fixture.js';

/**
 * The staff window's honest states and its accessibility, in Chromium against a real agent:
 * a refund waiting for its sale, the agent stopping, axe on every tab, Takings at 1100 px.
 */

describe.skipIf(!hasChromium)('staff window states and accessibility (Chromium)', () => {
  // The desktop window's size; axe is put into the page, so the page's script policy is bypassed for the test only.
  const w = useStaffWindow({ viewport: desktopWindow, context: { bypassCSP: true } });

  it('a refund waiting for its sale leaves the store OK and says so in its own words', async () => {
    const sale = w.ui.sales().make({ lines: 1 });
    const refund = oneUnitRefund(sale);
    expect((await w.ui.kiosk().post('/v1/refunds', refund)).status).toBe(201);
    await w.open();
    const health = w.page.locator('.card').filter({ hasText: 'Overall health' });
    await expect.poll(() => health.textContent(), { timeout: uiTimeout }).toContain('OK');
    const row = w.page.getByRole('row').filter({ hasText: refund.refundId });
    await row.waitFor();
    expect(await row.textContent()).toContain('Waiting for its sale');
    expect(await row.textContent()).toContain('Nothing to do');
    expect(await w.page.locator('.card').filter({ hasText: 'Waiting to send' }).textContent()).toContain('One refund waits for its sale');
    await w.page.screenshot({ path: join(shots, '10-refund-waiting-for-sale.png'), fullPage: true });
  }, 120_000);

  it('axe finds nothing moderate or worse on any tab, on an exception and on a sale', async () => {
    await mockTakings(w.page);
    // Something on every screen: an exception (unknown SKU), a flagged sale.
    const held = w.ui.sales().make({ unknownSku: true, lines: 1 });
    expect((await w.ui.kiosk().postSale(held)).status).toBe(201);
    await w.open();
    const found: Record<string, string[]> = {};
    const tab = async (name: RegExp | string, ready: () => Promise<void>, key: string): Promise<void> => {
      await w.page.getByRole('tab', { name }).click();
      await ready();
      found[key] = await axeProblems(w.page);
    };
    await w.page.getByText('Overall health').waitFor();
    found.status = await axeProblems(w.page);
    await tab(/Needs attention/, async () => {
      await w.page.getByRole('listitem').filter({ hasText: held.saleId }).waitFor();
    }, 'attention');
    await w.page.getByRole('listitem').filter({ hasText: held.saleId }).getByRole('link').first().click();
    await w.page.getByRole('heading', { level: 2, name: 'Stok.ly does not know a SKU on this sale' }).waitFor();
    found.exception = await axeProblems(w.page);
    await tab('Sales', async () => {
      await w.page.getByRole('row').filter({ hasText: held.saleId }).waitFor();
    }, 'sales');
    await w.page.getByRole('button', { name: `Open sale ${held.saleId}` }).click();
    await w.page.getByRole('heading', { name: `Sale ${held.saleId}` }).waitFor();
    found.sale = await axeProblems(w.page);
    await tab('Stock', () => w.page.getByRole('heading', { name: 'Stock flags' }).waitFor(), 'stock');
    await tab('Takings', () => w.page.locator('.report-summary').waitFor(), 'takings');
    await tab('Checks', () => w.page.getByRole('heading', { name: 'Checks', exact: true }).waitFor(), 'checks');
    await tab('Kiosks', () => w.page.getByRole('heading', { name: 'Kiosks', exact: true }).waitFor(), 'kiosks');
    const tabs = await w.page.getByRole('tab').allTextContents();
    if (tabs.some((t) => t.startsWith('Alerts'))) {
      await tab(/^Alerts/, () => w.page.getByRole('heading', { name: /Alerts/ }).first().waitFor(), 'alerts');
    }
    expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['status', 'attention', 'exception', 'sales', 'sale', 'stock', 'takings', 'checks', 'kiosks']));
  }, 180_000);

  it('Takings fits 1100×760 without sideways scrolling, the variance column in view', async () => {
    await mockTakings(w.page);
    await w.open();
    await w.page.getByRole('tab', { name: 'Takings' }).click();
    const tenders = w.page.getByRole('table', { name: /per tender/ });
    await tenders.waitFor();
    const overflow = await w.page.evaluate<{ page: boolean; wide: string[] }>(`({
      page: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      wide: [...document.querySelectorAll('.table-wrap, main, body')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className || el.tagName),
    })`);
    expect(overflow).toEqual({ page: false, wide: [] });
    const variance = tenders.getByRole('columnheader', { name: /Variance/ }).first();
    const box = await variance.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1100);
    await w.page.screenshot({ path: join(shots, '11-takings-1100.png'), fullPage: true });
  }, 120_000);

  it('the agent stopped: a full-width banner says what to do, actions are off, figures are marked as of; a reload still shows it; back when the agent is', async () => {
    const contact = 'Northwind IT, 0113 496 0000';
    const own = await startUiAgent({ window: { supportContact: contact } });
    try {
      await w.open(own);
      await w.page.getByText('Overall health').waitFor();
      // The window's shell is kept by its service worker once it is active.
      expect(await w.page.evaluate<boolean>("navigator.serviceWorker.ready.then(() => caches.has('shelfbridge-shell-v1'))")).toBe(true);
      await w.page.getByRole('tab', { name: 'Stock' }).click();
      const sync = w.page.getByRole('button', { name: 'Sync stock now' });
      await sync.waitFor();
      expect(await sync.isEnabled()).toBe(true);
      await own.agent.stop();
      const banner = w.page.getByRole('alert').filter({ hasText: 'The sync agent is not answering' });
      await banner.waitFor();
      expect(await banner.textContent()).toContain('restart this PC');
      await expect.poll(() => sync.isDisabled(), { timeout: uiTimeout }).toBe(true);
      await w.page.getByRole('tab', { name: 'Status' }).click();
      await w.page.getByText(/^Figures as of/).waitFor();
      expect(await w.page.locator('.card').filter({ hasText: 'Stok.ly connection' }).textContent()).not.toContain('Online');
      await w.page.screenshot({ path: join(shots, '12-agent-down.png'), fullPage: true });

      // F5 while the agent is still down: the kept window, not the browser's error page, with the contact from the settings.
      await w.page.reload();
      await banner.waitFor();
      const words = await banner.textContent();
      expect(words).toContain('restart this PC');
      expect(words).toContain(`call ${contact}`);
      expect(words).toMatch(/settings as of today \d{2}:\d{2}/);
      await w.page.getByRole('tab', { name: 'Stock' }).click();
      await sync.waitFor();
      expect(await sync.isDisabled()).toBe(true);
      await w.page.screenshot({ path: join(shots, '13-agent-down-reloaded.png'), fullPage: true });

      // The agent back on its port: the banner goes and the buttons work again, without a reload.
      await own.restartAgent();
      await expect.poll(() => banner.count(), { timeout: uiTimeout }).toBe(0);
      await expect.poll(() => sync.isEnabled(), { timeout: uiTimeout }).toBe(true);
      expect(w.problems).toEqual([]);
    } finally {
      await own.stop();
    }
  }, 180_000);
});
