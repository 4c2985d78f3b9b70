import { describe, expect, it } from 'vitest';
import { oneUnitRefund } from '../support/refunds.js';
import { formatMoney } from '../../shared/money.js';
import { sha256Hex } from '../../electron/core/kiosk/auth.js';
import { KIOSK_IDS, kioskToken, waitFor } from '../support/harness.js';
import { axeProblems, desktopWindow, hasChromium, uiTimeout, useStaffWindow } from './window-fixture.js';

/** The Status tab's "Latest sales and refunds": amounts, kiosk names and pages past 25, on the real agent. */
describe.skipIf(!hasChromium)('Status list (Chromium, built UI, real agent)', () => {
  const w = useStaffWindow({
    viewport: desktopWindow,
    context: { bypassCSP: true },
    agent: { kioskApi: { kiosks: KIOSK_IDS.map((id, i) => ({ id, name: i === 0 ? 'Entrance' : 'Back wall', tokenSha256: sha256Hex(kioskToken(id)) })) } },
  });

  it('shows each row\'s amount (a refund as money given back) and kiosk name, and pages 25 at a time keeping the filter', async () => {
    const sales = Array.from({ length: 30 }, () => w.ui.sales().make({ lines: 1 }));
    for (const sale of sales) expect((await w.ui.kiosk().postSale(sale)).status).toBe(201);
    const sold = sales[0]!;
    const refund = oneUnitRefund(sold);
    expect((await w.ui.kiosk().post('/v1/refunds', refund)).status).toBe(201);
    await waitFor(() => [...sales.map((s) => w.ui.agent.outbox.byRef('sale', s.saleId)), w.ui.agent.outbox.byRef('refund', refund.refundId)]
      .every((r) => r?.status === 'done'), uiTimeout, 'every sale and the refund in Stok.ly');

    await w.open();
    // Ids like S-1 and S-10 share a start: a row is found by the id it shows, whole.
    const row = (ref: string) => list.getByRole('row').filter({ has: w.page.getByText(ref, { exact: true }) });
    const list = w.page.getByRole('region', { name: 'Latest sales and refunds' });
    await list.getByText('Showing 1–25 of 31, newest first.').waitFor();
    // Newest first: the refund, as money given back, with the kiosk's name.
    const refundRow = row(refund.refundId);
    expect(await refundRow.getByRole('cell').filter({ hasText: '−' }).innerText()).toMatch(new RegExp(`^−${formatMoney(refund.lines[0]!.amount, sold.currency)}\\s+refunded$`));
    expect(await refundRow.textContent()).toContain('Entrance');
    const newest = sales.at(-1)!;
    const saleRow = row(newest.saleId);
    expect(await saleRow.textContent()).toContain(formatMoney(newest.payments[0]!.amount, newest.currency));
    expect(await saleRow.textContent()).not.toContain('refunded');
    // The oldest sales are on the next page, not cut off.
    expect(await row(sold.saleId).count()).toBe(0);
    const pages = list.getByRole('navigation', { name: 'Pages of sales and refunds' });
    expect(await pages.getByRole('button', { name: '◀ Previous' }).isDisabled()).toBe(true);
    // The desktop window holds every column, the action included, without sideways scrolling.
    expect(await w.page.evaluate<string[]>("[...document.querySelectorAll('.table-wrap, main, body')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className || el.tagName)")).toEqual([]);
    expect(await axeProblems(w.page)).toEqual([]);
    await w.page.evaluate("document.getElementById('outbox-heading').scrollIntoView()");
    await w.handbookShot('status-list.png');

    await pages.getByRole('button', { name: 'Next ▶' }).click();
    await list.getByText('Showing 26–31 of 31, newest first.').waitFor();
    await row(sold.saleId).waitFor();
    expect(await row(refund.refundId).count()).toBe(0);
    expect(await pages.getByRole('button', { name: 'Next ▶' }).isDisabled()).toBe(true);

    // A filter starts again at the first page and counts only what it shows.
    await list.getByLabel('Show').selectOption({ label: 'Sent only' });
    await list.getByText('Showing 1–25 of 31, newest first.').waitFor();
    await list.getByLabel('Show').selectOption({ label: 'Exceptions only' });
    await list.getByText('Nothing to show.').waitFor();
    expect(await list.getByText(/^Showing /).count()).toBe(0);
    expect(w.problems).toEqual([]);
  }, 240_000);
});
