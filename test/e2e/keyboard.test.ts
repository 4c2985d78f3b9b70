import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mockTakings } from './takings-fixture.js';
import { desktopWindow, hasChromium, shots, uiTimeout, useStaffWindow } from './window-fixture.js';

/**
 * Every tab of the staff window with the keyboard only, in Chromium against the real agent:
 * Tab / Shift+Tab reach the main controls, Enter / Space / arrow keys operate them (tabs,
 * filters, the product picker, the name dialog, acknowledge / void / revoke forms), focus moves
 * into what opens and back to what opened it, and every stop shows a focus indicator.
 */

interface Focused { tag: string; role: string | null; name: string; visible: boolean; inDialog: boolean; datePickerButton: boolean }

/** What has the focus, its accessible name (roughly, enough to find it), and whether a focus indicator shows. */
const focusedScript = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: 'body', role: null, name: '', visible: false, inDialog: false, datePickerButton: false };
  const labelled = el.getAttribute('aria-labelledby');
  const name = (el.getAttribute('aria-label')
    || (labelled ? labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '')
    || (el.labels && el.labels[0] ? el.labels[0].textContent : '')
    || el.textContent || el.value || '').replace(/\\s+/g, ' ').trim();
  const style = getComputedStyle(el);
  // A date field's calendar button is a Tab stop inside it: the field is then not :focus, and Chromium rings the button itself (not readable from a style).
  const datePickerButton = el.matches('input[type=date]') && !el.matches(':focus');
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== 'none';
  return { tag: el.tagName.toLowerCase(), role: el.getAttribute('role'), name, visible: (el.matches(':focus-visible') || el.matches('input[type=date]:focus')) && (outline || shadow), inDialog: !!el.closest('dialog[open]'), datePickerButton };
})()`;

const focused = (page: Page): Promise<Focused> => page.evaluate<Focused>(focusedScript);

describe.skipIf(!hasChromium)('keyboard use of every control (Chromium, real agent)', () => {
  const w = useStaffWindow({ viewport: desktopWindow, agent: { catalog: { taxRates: { standard: 20, reduced: 5, zero: 0 } } } });
  /** Focus stops without a visible indicator, as "tab: name". */
  const unmarked: string[] = [];
  let where = '';

  /** Presses Tab (or Shift+Tab) until the focused control's name matches; checks each stop's focus indicator. */
  const tabTo = async (name: RegExp, { back = false, max = 80 } = {}): Promise<Focused> => {
    for (let i = 0; i < max; i++) {
      await w.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const f = await focused(w.page);
      if (f.tag !== 'body' && !f.visible && !f.datePickerButton) unmarked.push(`${where}: ${f.tag}${f.role ? `[${f.role}]` : ''} "${f.name.slice(0, 60)}"`);
      if (name.test(f.name)) return f;
    }
    throw new Error(`${where}: ${back ? 'Shift+Tab' : 'Tab'} never reached a control named ${name} (last: ${JSON.stringify(await focused(w.page))})`);
  };
  /** Goes to a tab with the arrow keys from the selected one, as the tab list expects. */
  const openTab = async (label: RegExp): Promise<void> => {
    where = String(label);
    await w.page.getByRole('tab', { selected: true }).focus();
    for (let i = 0; i < 12; i++) {
      if (label.test((await focused(w.page)).name)) break;
      await w.page.keyboard.press('ArrowRight');
    }
    const f = await focused(w.page);
    expect(f, `${where}: the tab keeps the focus`).toMatchObject({ role: 'tab' });
    expect(f.name).toMatch(label);
    expect(f.visible).toBe(true);
    expect(await w.page.getByRole('tab', { selected: true }).textContent()).toMatch(label);
  };

  it('reaches and operates the main controls of each tab, with a visible focus', async () => {
    await w.ui.agent.sync('catalog');
    // Something on each screen: a sale with an unknown SKU (an exception and a stock flag), a posted one.
    const held = w.ui.sales().make({ unknownSku: true, lines: 1 });
    const posted = w.ui.sales().make({ lines: 1 });
    expect((await w.ui.kiosk().postSale(held)).status).toBe(201);
    expect((await w.ui.kiosk().postSale(posted)).status).toBe(201);
    await mockTakings(w.page);
    await w.open();
    await w.page.getByText('Overall health').waitFor();

    // The tab list: Tab reaches the selected tab; arrows, Home and End move and open.
    where = 'tabs';
    const first = await tabTo(/^Status$/);
    expect(first.role).toBe('tab');
    await w.page.keyboard.press('End');
    expect((await focused(w.page)).name).toMatch(/^Alerts/);
    await w.page.keyboard.press('Home');
    expect((await focused(w.page)).name).toBe('Status');

    // Status: the list's filter is a select the arrow keys change.
    where = 'Status';
    await tabTo(/^Show/);
    const show = w.page.locator(':focus');
    expect(await w.page.evaluate<string>('document.activeElement.tagName')).toBe('SELECT');
    const before = await show.inputValue();
    await w.page.keyboard.press('ArrowDown');
    await expect.poll(() => show.inputValue(), { timeout: uiTimeout }).not.toBe(before);

    // Needs attention: open the item with Enter, map the SKU with the picker by keyboard, add a note (the name dialog).
    await openTab(/^Needs attention/);
    await w.page.getByRole('listitem').filter({ hasText: held.saleId }).waitFor();
    await tabTo(/Stok\.ly does not know a SKU on this sale/);
    await w.page.keyboard.press('Enter');
    const title = w.page.getByRole('heading', { level: 2, name: 'Stok.ly does not know a SKU on this sale' });
    await title.waitFor();
    // The page's heading has the focus, so the next Tab starts there.
    expect((await focused(w.page)).name).toBe('Stok.ly does not know a SKU on this sale');
    const picker = await tabTo(/^Product in Stok\.ly/);
    expect(picker.role).toBe('combobox');
    const product = [...w.ui.sandbox.state.items.values()].find((i) => i.status === 0 && i.format !== 2)!;
    await w.page.keyboard.type(product.name.split(' ')[0]!);
    await w.page.getByRole('option').first().waitFor();
    await w.page.keyboard.press('ArrowDown');
    await w.page.keyboard.press('ArrowUp');
    await w.page.keyboard.press('Enter');
    await w.page.getByRole('button', { name: 'Choose another product' }).waitFor();
    // Back out of it with Shift+Tab and on to the note.
    await tabTo(/^Note for the team/);
    await w.page.keyboard.type('Checked with the keyboard only');
    await tabTo(/^Add note$/);
    await w.page.keyboard.press('Enter');
    // The name dialog: focus inside, Enter continues, focus back on the button that asked.
    await w.page.getByRole('dialog', { name: 'Who is doing this?' }).waitFor();
    const f = await focused(w.page);
    expect(f.inDialog).toBe(true);
    expect(f.name).toBe('Your name');
    await w.page.keyboard.type('Kim (keyboard)');
    await w.page.keyboard.press('Enter');
    await w.page.getByText('Checked with the keyboard only').last().waitFor();
    expect(await w.page.getByRole('dialog').count()).toBe(0);
    await expect.poll(async () => (await focused(w.page)).name, { timeout: 5_000 }).toBe('Add note');
    // Void: Enter on "Void…" moves to the confirmation; Cancel brings the focus back.
    await tabTo(/^Reason/);
    await w.page.keyboard.type('Keyboard test, not voided');
    await tabTo(/^Void…$/);
    await w.page.keyboard.press('Enter');
    expect((await focused(w.page)).name).toBe('Yes, void the sale');
    await tabTo(/^Cancel$/);
    await w.page.keyboard.press('Space');
    expect((await focused(w.page)).name).toMatch(/^Void…$/);
    await tabTo(/Back to Needs attention/, { back: true, max: 120 });
    await w.page.keyboard.press('Enter');
    await w.page.getByRole('listitem').filter({ hasText: held.saleId }).waitFor();

    // Sales: search, then open a sale from its row with Enter, and back.
    await openTab(/^Sales$/);
    await tabTo(/^Sale, SKU, order number or amount/);
    await w.page.keyboard.type(posted.saleId);
    await w.page.getByText('Sales 1–1 of 1, newest first.').waitFor();
    await tabTo(new RegExp(`^Open sale ${posted.saleId}$`));
    await w.page.keyboard.press('Enter');
    await w.page.getByRole('heading', { name: `Sale ${posted.saleId}` }).waitFor();
    await tabTo(/Back to all sales/, { back: true });
    await w.page.keyboard.press('Enter');
    await w.page.getByText('Sales 1–1 of 1, newest first.').waitFor();

    // Stock: the flag kinds are buttons (Space presses), Acknowledge… opens a form with the focus in it.
    await openTab(/^Stock$/);
    await w.page.getByRole('heading', { name: 'Stock flags' }).waitFor();
    await tabTo(/^Unknown SKU/);
    await w.page.keyboard.press('Space');
    await expect.poll(() => w.page.locator(':focus').getAttribute('aria-pressed'), { timeout: uiTimeout }).toBe('true');
    const flag = await tabTo(/^Acknowledge .* on sale /);
    await w.page.keyboard.press('Enter');
    expect((await focused(w.page)).name).toMatch(/^What you found/);
    await w.page.keyboard.type('Keyboard check');
    await tabTo(/^Cancel$/);
    await w.page.keyboard.press('Enter');
    expect((await focused(w.page)).name).toMatch(/^Acknowledge .* on sale /);
    await w.page.keyboard.press('Enter');
    await tabTo(/^Acknowledge$/);
    await w.page.keyboard.press('Enter');
    // Acknowledged: it leaves "Not looked at yet", and the focus stays in the flags, not at the top of the page.
    await expect.poll(() => w.page.getByRole('button', { name: flag.name, exact: true }).count(), { timeout: uiTimeout }).toBe(0);
    await expect.poll(() => w.page.evaluate<string>(`(document.activeElement?.closest('section[aria-labelledby="flags-heading"]') ? 'in flags: ' : 'outside: ') + (document.activeElement?.outerHTML ?? 'null').slice(0, 120)`), { timeout: uiTimeout }).toMatch(/^in flags/);

    // Takings: Day / Month, the day's arrows.
    await openTab(/^Takings$/);
    await w.page.locator('.report-summary').waitFor();
    await tabTo(/^Previous day$/);
    await w.page.keyboard.press('Enter');
    await tabTo(/^Month$/, { back: true });
    await w.page.keyboard.press('Space');
    await expect.poll(() => w.page.locator(':focus').getAttribute('aria-pressed'), { timeout: uiTimeout }).toBe('true');

    // Checks: a check's note and "Mark done" (the name is known by now).
    await openTab(/^Checks$/);
    await w.page.getByRole('heading', { name: 'Checks', exact: true }).waitFor();
    const done = await tabTo(/^Mark done$/);
    await w.page.keyboard.press('Enter');
    await w.page.getByText(/by Kim \(keyboard\)/).first().waitFor();
    // Its form gives way to who did it; the focus stays on that check.
    await expect.poll(() => w.page.evaluate<string>(`document.activeElement?.closest('li.check-item')?.getAttribute('aria-labelledby') ?? 'none'`), { timeout: uiTimeout }).not.toBe('none');
    expect(done.name).toBe('Mark done');

    // Kiosks: Revoke… asks to confirm with the focus on the question's buttons; Cancel returns.
    await openTab(/^Kiosks$/);
    await w.page.getByRole('heading', { name: 'Kiosks', exact: true }).waitFor();
    // Enrol one (Enter sends the form), then its token's Done, then Revoke….
    await tabTo(/^Kiosk id/);
    await w.page.keyboard.type('kiosk-kb');
    await tabTo(/^Name staff recognise/);
    await w.page.keyboard.type('Keyboard corner');
    await w.page.keyboard.press('Enter');
    await tabTo(/^Done: the token is on the kiosk$/, { back: false });
    await w.page.keyboard.press('Enter');
    await tabTo(/^Revoke…$/, { back: true });
    await w.page.keyboard.press('Enter');
    expect((await focused(w.page)).name).toBe('Cancel');
    await w.page.keyboard.press('Enter');
    expect((await focused(w.page)).name).toBe('Revoke…');

    // Alerts: the support file button is reached.
    await openTab(/^Alerts/);
    await tabTo(/Save support file$/);

    await w.page.screenshot({ path: join(shots, '14-keyboard.png'), fullPage: true });
    expect(unmarked).toEqual([]);
    expect(w.problems).toEqual([]);
  }, 240_000);
});
