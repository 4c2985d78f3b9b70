import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';
import { hasChromium, uiTimeout, useStaffWindow } from './window-fixture.js';

/** Month end in the built window, in Debian's Chromium: the checklist ticked by name, the month signed off. */

describe.skipIf(!hasChromium)('month end in the staff window (Chromium, built UI, real agent)', () => {
  // Reminder from midnight: today's unticked checks show on Status at once.
  const w = useStaffWindow({ pagePerTest: false, agent: { checks: { remindAfterHour: 0 } } });

  const audit = (action: string) => dbQueries(w.ui.agent.db).auditOf(action).map(({ actor, subjectRef, detail }) => ({ actor, ref: subjectRef, detail }));

  it('today\'s unticked checks show on Status; a check is ticked by name with a note, audited, and leaves the reminder', async () => {
    await w.page.goto(`${w.ui.agent.adminUrl}/#token=${encodeURIComponent(w.ui.agent.adminToken)}`);
    const reminder = w.page.getByRole('status', { name: 'Checks not done today' });
    await reminder.waitFor();
    expect(await reminder.textContent()).toContain('Sync is OK');
    await reminder.getByRole('button', { name: 'Open Checks' }).click();

    await w.page.getByRole('heading', { name: 'Checks', exact: true }).waitFor();
    expect(await w.page.getByRole('tab', { name: 'Checks' }).getAttribute('aria-selected')).toBe('true');
    const form = w.page.getByRole('form', { name: 'Tick: Sync is OK' });
    await form.getByLabel('Note').fill('all green at opening');
    await form.getByRole('button', { name: 'Mark done' }).click();
    const dialog = w.page.getByRole('dialog', { name: 'Who is doing this?' });
    await dialog.getByLabel('Your name').fill('Sam Tester');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await w.page.getByText(/Done by Sam Tester at .*: all green at opening/).waitFor();

    // A monthly check, the name not asked again.
    await w.page.getByRole('form', { name: 'Tick: Stock movements reviewed' }).getByRole('button', { name: 'Mark done' }).click();
    await w.page.getByRole('listitem').filter({ hasText: 'Stock movements reviewed' }).getByText(/Done by Sam Tester/).waitFor();
    await w.shot('month-end-checks.png');

    const ticks = audit('check_ticked');
    expect(ticks.map((t) => [t.actor, t.ref.split('/')[1], t.detail])).toEqual([
      ['Sam Tester', 'sync_ok', 'all green at opening'],
      ['Sam Tester', 'movements_reviewed', null],
    ]);

    await w.page.getByRole('tab', { name: 'Status' }).click();
    await w.page.getByText('Overall health').waitFor();
    await waitFor(async () => !((await reminder.textContent()) ?? '').includes('Sync is OK'), uiTimeout, 'the ticked check gone from the reminder');
    expect(await reminder.textContent()).toContain('No exception older than a day');
  });

  it('the month view shows last month from its days; finance signs it off by name', async () => {
    await w.page.getByRole('tab', { name: 'Takings' }).click();
    await w.page.getByRole('button', { name: 'Month' }).click();
    const summary = w.page.getByRole('status', { name: 'Month summary' });
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/balanced/i);
    await w.page.getByRole('button', { name: /Mark \d{4}-\d{2} reviewed/ }).click();
    await w.page.getByText(/Signed off by Sam Tester/).waitFor();
    await w.shot('month-end-takings.png');
    expect(audit('month_signed_off').map((a) => a.actor)).toEqual(['Sam Tester']);

    await w.page.getByRole('tab', { name: 'Stock' }).click();
    await w.page.getByRole('heading', { name: 'Stock movements' }).waitFor();
    await w.page.getByText('No unexplained movements in this range.').waitFor();
    expect(w.problems).toEqual([]);
  });
});
