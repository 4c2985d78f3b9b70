import { describe, expect, it } from 'vitest';
import { oneUnitRefund } from '../support/refunds.js';
import { waitFor } from '../support/harness.js';
import { desktopWindow, hasChromium, uiTimeout, useStaffWindow } from './window-fixture.js';

/**
 * No raw code on any screen: with exceptions, flags, audit entries and a refund waiting for its
 * sale present, the visible text of each tab has no snake_case word outside the monospace ids.
 */

// Every visible text node, except ids people read off or type elsewhere (monospace, <code>).
const visibleWords = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('code, .mono, script, style') || !el.checkVisibility()) continue;
    out.push(n.textContent);
  }
  return out.join(' ');
})()`;
const snakeCase = /\b[a-z]+_[a-z_]+\b/g;

describe.skipIf(!hasChromium)('plain words on every screen (Chromium, built UI, real agent)', () => {
  const w = useStaffWindow({ viewport: desktopWindow });

  it('shows no raw code on any tab, exception or sale with exceptions present', async () => {
    const unknown = w.ui.sales().make({ unknownSku: true, lines: 1 });
    const untendered = w.ui.sales().make({ lines: 1, tender: 'voucher' });
    const sold = w.ui.sales().make({ lines: 1 });
    const orphan = oneUnitRefund(sold);
    for (const sale of [unknown, untendered]) expect((await w.ui.kiosk().postSale(sale)).status).toBe(201);
    expect((await w.ui.kiosk().post('/v1/refunds', orphan)).status).toBe(201);
    const admin = (path: string, body?: unknown) => fetch(`${w.ui.agent.adminUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${w.ui.agent.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const open = await waitFor(async () => {
      const list = (await (await admin('/api/exceptions?status=open')).json()) as { items: Array<{ id: number; subjectRef: string }> };
      return list.items.length >= 2 ? list.items : null;
    }, uiTimeout, 'both sales held for a person');
    // Audit entries of several kinds on one exception.
    const held = open.find((e) => e.subjectRef === unknown.saleId)!;
    expect((await admin(`/api/exceptions/${held.id}/actions`, { action: 'note', actor: 'Sam Tester', text: 'Asked the supplier' })).status).toBe(200);
    expect((await admin(`/api/exceptions/${held.id}/actions`, { action: 'retry', actor: 'Sam Tester' })).status).toBe(200);

    await w.open();
    const leaks: Record<string, string[]> = {};
    const read = async (screen: string): Promise<void> => {
      const found = (await w.page.evaluate<string>(visibleWords)).match(snakeCase) ?? [];
      if (found.length > 0) leaks[screen] = [...new Set(found)];
    };
    const tab = async (name: RegExp | string, ready: () => Promise<void>): Promise<void> => {
      await w.page.getByRole('tab', { name }).click();
      await ready();
      await read(typeof name === 'string' ? name : name.source);
    };
    const row = (ref: string) => w.page.getByRole('row').filter({ has: w.page.getByText(ref, { exact: true }) });

    await row(orphan.refundId).waitFor();
    await row(unknown.saleId).getByText(/Stok.ly does not know/).waitFor();
    await read('Status');
    await tab(/Needs attention/, () => w.page.getByRole('listitem').filter({ hasText: untendered.saleId }).waitFor());
    await w.page.getByRole('listitem').filter({ hasText: unknown.saleId }).getByRole('link').first().click();
    await w.page.getByRole('heading', { level: 3, name: 'History' }).waitFor();
    await w.page.getByRole('cell', { name: 'Added a note' }).waitFor();
    await read('exception');
    const openSale = w.page.getByRole('button', { name: `Open sale ${unknown.saleId}` });
    await tab('Sales', () => openSale.waitFor());
    await openSale.click();
    await w.page.getByText(/^Flagged: /).first().waitFor();
    await read('sale');
    await tab('Stock', () => w.page.getByText(/^Flags 1–/).waitFor());
    // Today's report, where the held sales are lines that explain the difference.
    await w.page.getByRole('tab', { name: 'Takings' }).click();
    await w.page.getByRole('button', { name: 'Next day' }).click();
    await w.page.getByRole('heading', { name: 'What explains the difference' }).waitFor();
    await w.page.getByText(/^waiting for a person: /).first().waitFor();
    await read('Takings');
    await tab('Checks', () => w.page.getByRole('heading', { name: 'Checks', exact: true }).waitFor());
    await tab('Kiosks', () => w.page.getByRole('table').first().waitFor());
    await tab(/^Alerts/, () => w.page.getByText(/alert/i).first().waitFor());
    expect(leaks).toEqual({});
    expect(w.problems).toEqual([]);
  }, 240_000);
});
