import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/harness.js';
import { axeProblems, desktopWindow, hasChromium, uiTimeout, useStaffWindow } from './window-fixture.js';

/** The Sales tab in Chromium against a real agent and the Stok.ly sandbox: find a sale, read its story. */
describe.skipIf(!hasChromium)('Sales tab (Chromium, built UI, real agent)', () => {
  const w = useStaffWindow({ viewport: desktopWindow, context: { bypassCSP: true } });

  it('finds a posted sale by its id and shows its Stok.ly order number and timeline', async () => {
    const sale = w.ui.sales().make({ lines: 2 });
    const other = w.ui.sales().make({ lines: 1 });
    expect((await w.ui.kiosk().postSale(sale)).status).toBe(201);
    expect((await w.ui.kiosk().postSale(other)).status).toBe(201);
    const orderId = await waitFor(() => {
      const row = w.ui.agent.outbox.byRef('sale', sale.saleId);
      return row?.status === 'done' ? row.remoteId : null;
    }, uiTimeout, `sale ${sale.saleId} posted`);
    expect(w.ui.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)).toHaveLength(1);

    await w.open();
    await w.page.getByRole('tab', { name: 'Sales' }).click();
    await w.page.getByRole('heading', { name: 'Sales', exact: true }).waitFor();
    await w.page.getByText(/^Sales 1–\d+ of \d+, newest first\.$/).waitFor();
    expect(await w.page.getByRole('row').filter({ hasText: other.saleId }).count()).toBe(1);

    await w.page.getByLabel('Sale, SKU, order number or amount').fill(sale.saleId);
    await w.page.getByText('Sales 1–1 of 1, newest first.').waitFor();
    const row = w.page.getByRole('row').filter({ hasText: sale.saleId });
    await expect.poll(() => row.textContent(), { timeout: uiTimeout }).toContain(orderId);
    expect(await row.textContent()).toContain('In Stok.ly');
    expect(await w.page.getByRole('row').filter({ hasText: other.saleId }).count()).toBe(0);
    expect(await axeProblems(w.page)).toEqual([]);
    await w.handbookShot('sales-list.png');

    await row.getByRole('button', { name: `Open sale ${sale.saleId}` }).click();
    await w.page.getByRole('heading', { name: `Sale ${sale.saleId}` }).waitFor();
    const facts = w.page.locator('dl.facts');
    expect(await facts.textContent()).toContain(orderId);
    const timeline = w.page.getByRole('list').filter({ has: w.page.getByText(/^Received from /) });
    await timeline.getByText(`Stok.ly created order ${orderId}`).waitFor();
    await timeline.getByText('Stok.ly confirmed it: items collected, order complete').waitFor();
    // Times in words, in the store's time zone.
    expect(await timeline.locator('.timeline-when').first().textContent()).toMatch(/^today \d{2}:\d{2}$/);
    expect(await axeProblems(w.page)).toEqual([]);
    await w.handbookShot('sale-detail.png');

    // Back to the same search; a SKU finds the sale too.
    await w.page.getByRole('button', { name: /Back to all sales/ }).click();
    await w.page.getByText('Sales 1–1 of 1, newest first.').waitFor();
    await w.page.getByLabel('Sale, SKU, order number or amount').fill(orderId);
    await w.page.getByText('Sales 1–1 of 1, newest first.').waitFor();
    expect(await w.page.getByRole('row').filter({ hasText: sale.saleId }).count()).toBe(1);
    expect(w.problems).toEqual([]);
  }, 180_000);
});
