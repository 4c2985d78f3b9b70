import { describe, expect, it } from 'vitest';
import { axeProblems, desktopWindow, hasChromium, useStaffWindow } from './window-fixture.js';

/**
 * A past day on which nothing was sold, in the real agent against the sandbox: not a green
 * "Balanced" (which would hide a kiosk that never sent), but "No sales" and the kiosks that could have sold.
 */
describe.skipIf(!hasChromium)('Takings on a day with no sales (Chromium, built UI, real agent)', () => {
  const w = useStaffWindow({ viewport: desktopWindow, context: { bypassCSP: true } });

  it('says No sales and lists each kiosk with when it was last heard from', async () => {
    // kiosk-01 sells today; kiosk-02 has never been heard from.
    expect((await w.ui.kiosk().postSale(w.ui.sales().make())).status).toBe(201);
    await w.open();
    await w.page.getByRole('tab', { name: 'Takings' }).click();
    // Two days back: closed, and the sandbox holds no order for it.
    await w.page.getByRole('button', { name: 'Previous day' }).click();
    await w.page.getByRole('button', { name: 'Previous day' }).click();
    const summary = w.page.locator('.report-summary');
    await summary.locator('.badge').filter({ hasText: 'No sales' }).waitFor();
    expect(await summary.getByText('Balanced').count()).toBe(0);
    await summary.getByText('Nothing was sold on this day.').waitFor();
    const kiosks = summary.getByRole('list', { name: 'Kiosks expected to sell' });
    await kiosks.getByText(/kiosk-01: last heard from today \d\d:\d\d/).waitFor();
    await kiosks.getByText(/kiosk-02: last heard from never/).waitFor();
    expect(await axeProblems(w.page)).toEqual([]);
    expect(w.problems).toEqual([]);
    await w.shot('takings-empty-day.png');
  }, 120_000);
});
