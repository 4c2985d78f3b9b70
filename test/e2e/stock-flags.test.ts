import { describe, expect, it } from 'vitest';
import { dbQueries } from '../support/db-queries.js';
import { hasChromium, uiTimeout, useStaffWindow } from './window-fixture.js';

/** Stock flags with a life, in Chromium against a real agent: today's, counted as listed, acknowledged by name. */
describe.skipIf(!hasChromium)('Stock flags (Chromium, built UI, real agent)', () => {
  const w = useStaffWindow();

  it('today\'s flags are listed with counts that match; one is acknowledged with a name and a note (audited) and leaves the list', async () => {
    const sale = w.ui.sales().make({ unknownSku: true, lines: 1 });
    const sku = sale.lines[0]!.sku;
    expect((await w.ui.kiosk().postSale(sale)).status).toBe(201);
    await w.open();
    await w.page.getByRole('tab', { name: 'Stock' }).click();
    await w.page.getByRole('heading', { name: 'Stock flags' }).waitFor();
    const row = w.page.getByRole('row').filter({ hasText: sale.saleId });
    await row.waitFor();
    expect(await row.textContent()).toContain(sku);
    const status = w.page.getByText(/^Flags 1–\d+ of \d+, newest first\.$/);
    const listed = Number(/of (\d+)/.exec((await status.textContent()) ?? '')![1]);
    // The "All" button counts exactly what is listed.
    const filters = w.page.getByRole('group', { name: 'Show flags of one kind' });
    expect(await filters.locator('[aria-pressed="true"]').textContent()).toBe(`All ${listed}`);
    await w.page.getByRole('button', { name: /^Unknown SKU/ }).click();
    await w.page.getByText(/^Flags 1–1 of 1/).waitFor();

    await row.getByRole('button', { name: /^Acknowledge/ }).click();
    await row.getByLabel(/What you found/).fill('Product being created in Stok.ly');
    await row.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    const dialog = w.page.getByRole('dialog', { name: 'Who is doing this?' });
    await dialog.getByLabel('Your name').fill('Sam Tester');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    // "Not looked at yet" is the default: it leaves the list.
    await w.page.getByText('Nothing left to look at for this choice.').waitFor();
    await w.page.getByLabel('Show', { exact: true }).selectOption('acknowledged');
    await w.page.getByRole('row').filter({ hasText: sale.saleId }).getByText(/Acknowledged by Sam Tester, today \d{2}:\d{2}/).waitFor();
    await w.handbookShot('stock-flags.png');

    const audit = dbQueries(w.ui.agent.db).auditOf('flag_acknowledged').map(({ actor, subjectRef, detail }) => ({ actor, ref: subjectRef, detail }));
    expect(audit).toEqual([{ actor: 'Sam Tester', ref: sale.saleId, detail: 'Product being created in Stok.ly' }]);
    // The sale's story says so too.
    await w.page.getByRole('row').filter({ hasText: sale.saleId }).getByRole('link', { name: sale.saleId }).click();
    await w.page.getByRole('heading', { name: `Sale ${sale.saleId}` }).waitFor();
    await w.page.getByText('Acknowledged a stock flag by Sam Tester').waitFor({ timeout: uiTimeout });
    expect(w.problems).toEqual([]);
  }, 180_000);
});
