import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/harness.js';
import { fixtureReport, fixtureVersions } from './takings-fixture.js';
import { hasChromium, uiTimeout, useStaffWindow } from './window-fixture.js';

/**
 * The staff window, built, served by a real agent (Stok.ly sandbox behind it) and driven in
 * Debian's Chromium: what shop staff, retail ops and finance see and do.
 */

describe.skipIf(!hasChromium)('staff window (Chromium, built UI, real agent)', () => {
  // A back-office PC screen.
  const w = useStaffWindow({ context: { acceptDownloads: true } });

  const openWindow = async (): Promise<void> => {
    await w.open();
    // The token is kept for the tab, not left in the address bar.
    expect(w.page.url()).not.toContain('token=');
  };

  it('a sale with an unknown SKU: listed, mapped to a Stok.ly item for this sale, posted once, gone from the list', async () => {
    const sale = w.ui.sales().make({ unknownSku: true, lines: 1 });
    const unknownSku = sale.lines[0]!.sku;
    const item = [...w.ui.sandbox.state.items.values()].find((i) => i.status === 0 && i.format === 0 && i.sku !== unknownSku)!;
    expect((await w.ui.kiosk().postSale(sale)).status).toBe(201);

    await openWindow();
    await w.page.getByText('Overall health').waitFor();
    await w.shot('01-status.png');

    // Keyboard: the tabs move with the arrow keys.
    await w.page.getByRole('tab', { name: 'Status' }).focus();
    await w.page.keyboard.press('ArrowRight');
    await w.page.getByRole('heading', { name: 'Needs attention', exact: true }).waitFor();
    expect(await w.page.getByRole('tab', { name: /Needs attention/ }).getAttribute('aria-selected')).toBe('true');

    const listed = w.page.getByRole('listitem').filter({ hasText: sale.saleId });
    await listed.waitFor();
    await expect.poll(() => listed.textContent()).toContain('Stok.ly does not know a SKU');
    expect(await listed.textContent()).toContain('What to do:');
    await w.page.getByRole('heading', { name: 'Cloudshelf' }).waitFor();
    await w.shot('02-needs-attention.png');

    await listed.getByRole('link').click();
    await w.page.getByRole('heading', { level: 2, name: 'Stok.ly does not know a SKU on this sale' }).waitFor();
    // The agent found the unknown SKU before sending: Stok.ly never saw this sale, so its words are not quoted as Stok.ly's.
    await w.page.getByRole('heading', { name: 'What the agent found' }).waitFor();
    expect(await w.page.getByRole('heading', { name: 'What Stok.ly said' }).count()).toBe(0);
    // The SKU to map is prefilled from the sale's lines.
    expect(await w.page.getByLabel('SKU on the sale').inputValue()).toBe(unknownSku);
    expect(await w.page.getByRole('table', { name: 'Lines' }).textContent()).toContain(unknownSku);
    await w.shot('03-exception-detail.png');

    // An expert's wrong item id: the agent refuses (422) and its own words are shown.
    await w.page.getByText('Know the Stok.ly item id?').click();
    await w.page.getByLabel('Stok.ly item id').fill('NO-SUCH-ITEM');
    await w.page.getByLabel('This sale only').check();
    await w.page.getByRole('button', { name: 'Map SKU' }).click();
    // Asked once per session who is acting.
    const dialog = w.page.getByRole('dialog', { name: 'Who is doing this?' });
    await dialog.getByLabel('Your name').fill('Sam Tester');
    await w.shot('04-name-dialog.png');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    const refusal = w.page.getByRole('alert').filter({ hasText: 'Not done:' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Stok.ly has no item NO-SUCH-ITEM');
    await w.shot('04b-map-sku-refused.png');

    // A shop assistant: types part of the product's name and picks it; no id typed.
    await w.page.getByLabel('Stok.ly item id').fill('');
    const word = item.name.split(/\s+/).find((part) => part.length >= 4) ?? item.name;
    const picker = w.page.getByRole('combobox', { name: 'Product in Stok.ly' });
    await picker.fill(word.slice(0, 4).toLowerCase());
    const option = w.page.getByRole('option').filter({ hasText: item.sku });
    await option.waitFor();
    expect(await option.textContent()).toContain(item.name);
    await w.shot('04c-map-sku-picker.png');
    await option.click();
    await w.page.getByText('Choose another product').waitFor();
    // The name is not asked again.
    await w.page.getByRole('button', { name: 'Map SKU' }).click();
    expect(await dialog.count()).toBe(0);
    await w.page.getByText(`SKU ${unknownSku} mapped to ${item.name} (Stok.ly SKU ${item.sku}) for this sale only`).waitFor();
    // The agent posts it; the item closes by itself.
    await w.page.locator('.pill-state-resolved').waitFor();
    await w.page.getByRole('cell', { name: 'Mapped a SKU for this sale' }).waitFor();
    await w.shot('05-exception-resolved.png');

    await w.page.getByRole('button', { name: /Back to Needs attention/ }).click();
    await w.page.getByText('Nothing needs you right now.').waitFor();
    expect(await w.page.getByRole('listitem').filter({ hasText: sale.saleId }).count()).toBe(0);

    const orders = await waitFor(() => {
      const o = w.ui.sandbox.state.ordersByReference(`store-001/${sale.saleId}`);
      return o.length > 0 ? o : null;
    }, uiTimeout, `the order for ${sale.saleId}`);
    await new Promise((r) => setTimeout(r, 500));
    expect(w.ui.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)).toHaveLength(1);
    expect(orders[0]!.lines.map((l) => l.referenceId)).toContain(item.itemId);

    // The name went into the audit log.
    const audit = await fetch(`${w.ui.agent.adminUrl}/api/audit`, { headers: { authorization: `Bearer ${w.ui.agent.adminToken}` } });
    const entries = ((await audit.json()) as { items: Array<{ actor: string; action: string; subjectRef: string }> }).items;
    expect(entries).toContainEqual(expect.objectContaining({ actor: 'Sam Tester', action: 'map_sku_sale', subjectRef: sale.saleId }));

    // Retail ops: the sale's unknown SKU is flagged, and the syncs can be run from here.
    await w.page.getByRole('tab', { name: /Stock/ }).click();
    await w.page.getByRole('heading', { name: 'Stock flags' }).waitFor();
    await w.page.getByRole('button', { name: /^Unknown SKU/ }).click();
    await w.page.getByRole('row').filter({ hasText: sale.saleId }).waitFor();
    await w.page.getByRole('button', { name: 'Sync stock now' }).click();
    await w.page.getByText(/^Done at /).waitFor();
    await w.shot('06-stock.png');

    // Finance: whatever the agent answers for yesterday, the page understands it.
    await w.page.getByRole('tab', { name: 'Takings' }).click();
    await w.page.getByRole('heading', { name: /^Takings:/ }).waitFor();
    await w.page.locator('.report-summary, .notice-inline, .error-banner').first().waitFor();
    const takings = (await w.page.getByRole('tabpanel').textContent()) ?? '';
    expect(takings).not.toContain('Unexpected answer');
    await w.shot('07-takings-live.png');

    expect(w.problems).toEqual([]);
  }, 240_000);

  it('Takings: status in a word, tenders against Stok.ly, the explaining lines, versions and the CSV', async () => {
    const csvRequests: string[] = [];
    await w.page.route(/\/api\/reconciliation\//, async (route) => {
      const url = new URL(route.request().url());
      expect(route.request().headers().authorization).toBe(`Bearer ${w.ui.agent.adminToken}`);
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
    await w.page.getByRole('tab', { name: 'Takings' }).click();
    // The status is a word on the badge, not only a colour.
    const badge = w.page.locator('.report-summary .badge');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('Variance');
    const tenders = w.page.getByRole('table', { name: /per tender/ });
    const cardRow = tenders.getByRole('row').filter({ hasText: 'Card takings' });
    expect(await cardRow.textContent()).toContain('£115.50');
    expect(await cardRow.textContent()).toContain('Stok.ly short');
    expect(await tenders.getByRole('row').filter({ hasText: 'Cash' }).textContent()).toContain('matches');
    const line = w.page.getByRole('table', { name: /explain/ }).getByRole('row').filter({ hasText: 'S-20261125-0042' });
    expect(await line.textContent()).toContain('Amount differs');
    expect(await line.textContent()).toContain('−£4.50');
    await w.shot('08-takings-variance.png');

    const versionSelect = w.page.getByLabel('Version');
    expect(await versionSelect.locator('option').count()).toBe(2);
    await versionSelect.selectOption('1');
    await expect.poll(() => badge.textContent(), { timeout: uiTimeout }).toContain('Provisional');
    await w.page.getByText('Nothing to explain: every transaction matches.').waitFor();
    await w.shot('09-takings-version-1.png');

    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.getByRole('button', { name: /Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^reconciliation-store-001-\d{4}-\d{2}-\d{2}-v1\.csv$/);
    expect(csvRequests).toHaveLength(1);
    expect(csvRequests[0]).toMatch(/\.csv\?version=1$/);

    expect(w.problems).toEqual([]);
  }, 180_000);
});
