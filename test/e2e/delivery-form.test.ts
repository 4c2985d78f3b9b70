import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/harness.js';
import { axeProblems, desktopWindow, hasChromium, uiTimeout, useStaffWindow } from './window-fixture.js';

/**
 * Endless aisle in the staff window (Chromium, built UI, real agent, Stok.ly sandbox): a sale to
 * ship that came without an address waits until a person enters it; the address is never shown back.
 */
describe.skipIf(!hasChromium)('delivery address form (Chromium, built UI, real agent)', () => {
  const w = useStaffWindow({ viewport: desktopWindow, context: { bypassCSP: true } });

  it('a sale to ship without an address waits; staff enter it; the order goes once, the address shown only masked', async () => {
    const sale = w.ui.sales().make({ ship: true, noDelivery: true, lines: 1 });
    expect(((await w.ui.kiosk().postSale(sale)).body as { flags: string[] }).flags).toContain('missing_delivery');
    await w.open();
    await w.page.getByRole('tab', { name: /Needs attention/ }).click();
    const listed = w.page.getByRole('listitem').filter({ hasText: sale.saleId });
    await expect.poll(() => listed.textContent(), { timeout: uiTimeout }).toContain('has no delivery address');
    await listed.getByRole('link').click();
    await w.page.getByRole('heading', { level: 2, name: 'An endless-aisle sale has no delivery address' }).waitFor();
    // Nothing reached Stok.ly while it waits.
    expect(w.ui.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)).toHaveLength(0);

    const form = w.page.getByRole('form', { name: 'Enter delivery address' });
    await form.getByLabel('Name').fill('Alex Quist');
    await form.getByLabel('Address line 1').fill('17 Zanzibar Terrace');
    await form.getByLabel('Town or city').fill('Leeds');
    await form.getByLabel('Postcode').fill('LS1 7QX');
    expect(await axeProblems(w.page)).toEqual([]);
    await w.handbookShot('delivery-form.png');
    await form.getByRole('button', { name: 'Save address and send' }).click();
    const dialog = w.page.getByRole('dialog', { name: 'Who is doing this?' });
    await dialog.getByLabel('Your name').fill('Sam Tester');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await w.page.getByText('Delivery address saved').first().waitFor();

    await waitFor(() => w.ui.agent.outbox.byRef('sale', sale.saleId)?.status === 'done', uiTimeout, 'posted');
    const orders = w.ui.sandbox.state.ordersByReference(`store-001/${sale.saleId}`);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.shipping?.address).toMatchObject({ line1: '17 Zanzibar Terrace', postcode: 'LS1 7QX', country: 'GB' });
    // The history says who entered it, masked; the page never shows the address itself.
    await w.page.getByRole('cell', { name: /A\. Q\u2022+, LS1 \u2022+/ }).first().waitFor();
    expect(await w.page.content()).not.toContain('Zanzibar');
    expect(await axeProblems(w.page)).toEqual([]);
    await w.shot('delivery-entered.png');

    // The sale's story in the Sales tab says where it goes, masked.
    await w.page.getByRole('tab', { name: 'Sales' }).click();
    await w.page.getByLabel('Sale, SKU, order number or amount').fill(sale.saleId);
    await w.page.getByRole('row').filter({ hasText: sale.saleId }).getByRole('button', { name: `Open sale ${sale.saleId}` }).click();
    await w.page.getByRole('heading', { name: `Sale ${sale.saleId}` }).waitFor();
    await expect.poll(() => w.page.locator('dl.facts').textContent(), { timeout: uiTimeout }).toMatch(/Delivery to\s*A\. Q\u2022+, LS1 \u2022+/);
    expect(await w.page.content()).not.toContain('Zanzibar');
    expect(await axeProblems(w.page)).toEqual([]);
    expect(w.problems).toEqual([]);
  }, 180_000);
});
