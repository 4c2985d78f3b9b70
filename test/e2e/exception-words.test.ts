import { describe, expect, it } from 'vitest';
import { axeProblems, desktopWindow, hasChromium, uiTimeout, useStaffWindow } from './window-fixture.js';

/**
 * An exception's page says whose words it quotes and where the sale stands, in Chromium against
 * the real agent: a price review as money with the sale shown (and held back by an unmapped
 * tender, not "in Stok.ly"), the agent's own findings, and Stok.ly's refusal.
 */
describe.skipIf(!hasChromium)('exception pages: price review, whose words (Chromium, real agent)', () => {
  // Tax rates configured: the agent knows Stok.ly's tax-inclusive prices, so it can compare them.
  const w = useStaffWindow({ viewport: desktopWindow, context: { bypassCSP: true }, agent: { catalog: { taxRates: { standard: 20, reduced: 5, zero: 0 } } } });

  it('a price review says both prices as money, shows the sale and what really holds it back', async () => {
    await w.ui.agent.sync('catalog'); // the agent compares prices with the catalogue it has pulled
    const base = w.ui.sales().make({ lines: 1 });
    const line = base.lines[0]!;
    // Charged £1.00 less than Stok.ly's price, paid with a tender Stok.ly has no method for.
    const sale = { ...base, lines: [{ ...line, unitPrice: line.unitPrice - 100, discount: 0, quantity: 1 }], payments: [{ tender: 'voucher', amount: line.unitPrice - 100 }] };
    expect((await w.ui.kiosk().postSale(sale)).status).toBe(201);
    await w.open();
    await w.page.getByRole('tab', { name: /Needs attention/ }).click();
    const card = w.page.getByRole('listitem').filter({ hasText: 'The kiosk charged a different price from Stok.ly' });
    await card.waitFor();
    const price = (minor: number): string => `£${(minor / 100).toFixed(2)}`;
    const sentence = new RegExp(`The kiosk charged ${price(line.unitPrice - 100).replace('.', '\\.')} for ${line.sku} \\(.+\\); Stok\\.ly's price is ${price(line.unitPrice).replace('.', '\\.')} \\(incl\\. tax\\)\\. Difference £1\\.00 per unit\\.`);
    await expect.poll(() => card.textContent(), { timeout: uiTimeout }).toMatch(sentence);
    expect(await card.textContent()).not.toContain('minor units');

    await card.getByRole('link').first().click();
    await w.page.getByRole('heading', { level: 2, name: 'The kiosk charged a different price from Stok.ly' }).waitFor();
    await w.page.getByRole('heading', { name: 'What the agent found' }).waitFor();
    expect(await w.page.getByRole('heading', { name: 'What Stok.ly said' }).count()).toBe(0);
    expect(await w.page.locator('.exception-detail').textContent()).toMatch(sentence);
    // The sale itself, not "no document".
    expect(await w.page.getByText('holds no document').count()).toBe(0);
    await w.page.getByRole('table').filter({ hasText: line.sku }).first().waitFor();
    const stands = w.page.locator('dl.facts dd').filter({ hasText: /Not in Stok\.ly yet|In Stok\.ly/ });
    await expect.poll(() => stands.textContent(), { timeout: uiTimeout }).toContain('Not in Stok.ly yet: held back by A payment tender has no Stok.ly payment method');
    expect(await w.page.locator('.exception-detail').textContent()).not.toMatch(/In Stok\.ly as order|is posted at|already in Stok\.ly/);
    expect(await axeProblems(w.page)).toEqual([]);
    await w.handbookShot('price-review.png');

    // The item that holds it back is one click away, and says the agent found it (Stok.ly never saw the sale).
    await stands.getByRole('link', { name: 'A payment tender has no Stok.ly payment method' }).click();
    await w.page.getByRole('heading', { level: 2, name: 'A payment tender has no Stok.ly payment method' }).waitFor();
    await w.page.getByRole('heading', { name: 'What the agent found' }).waitFor();
    expect(await w.page.getByRole('heading', { name: 'What Stok.ly said' }).count()).toBe(0);

    // The sale on the Sales tab.
    await w.page.getByRole('link', { name: `Open sale ${sale.saleId}` }).click();
    await w.page.getByRole('heading', { name: `Sale ${sale.saleId}` }).waitFor();
    expect(w.problems).toEqual([]);
  }, 180_000);

  it('a sale Stok.ly refused: its answer is titled "What Stok.ly said"', async () => {
    const sale = w.ui.sales().make({ lines: 1 });
    const sku = sale.lines[0]!.sku;
    const item = [...w.ui.sandbox.state.items.values()].find((i) => i.sku === sku);
    expect(item).toBeDefined();
    w.ui.sandbox.state.deleteItem(item!.itemId); // deleted in Stok.ly after the agent's catalogue pull
    try {
      expect((await w.ui.kiosk().postSale(sale)).status).toBe(201);
      await w.open();
      await w.page.getByRole('tab', { name: /Needs attention/ }).click();
      const card = w.page.getByRole('listitem').filter({ hasText: sale.saleId }).filter({ hasText: 'Stok.ly refused the sale order' });
      await card.waitFor({ timeout: uiTimeout });
      await card.getByRole('link').first().click();
      await w.page.getByRole('heading', { level: 2, name: 'Stok.ly refused the sale order' }).waitFor();
      await w.page.getByRole('heading', { name: 'What Stok.ly said' }).waitFor();
      expect(await w.page.getByRole('heading', { name: 'What the agent found' }).count()).toBe(0);
    } finally {
      w.ui.sandbox.state.updateItem(item!.itemId, { status: 0 });
    }
  }, 180_000);
});
