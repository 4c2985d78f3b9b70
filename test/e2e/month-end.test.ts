import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';
import { startUiAgent, uiDir, type UiAgent } from './ui-agent.js';

/** Month end in the built window, in Debian's Chromium: the checklist ticked by name, the month signed off. */

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const shots = 'test-results';
const uiTimeout = 60_000;

describe.skipIf(!existsSync(chromiumPath))('month end in the staff window (Chromium, built UI, real agent)', () => {
  let ui: UiAgent;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(uiDir, 'index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    mkdirSync(shots, { recursive: true });
    // Reminder from midnight: today's unticked checks show on Status at once.
    ui = await startUiAgent({ checks: { remindAfterHour: 0 } });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(uiTimeout);
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
  });

  const audit = (action: string) => dbQueries(ui.agent.db).auditOf(action).map(({ actor, subjectRef, detail }) => ({ actor, ref: subjectRef, detail }));

  it('today\'s unticked checks show on Status; a check is ticked by name with a note, audited, and leaves the reminder', async () => {
    await page.goto(`${ui.agent.adminUrl}/#token=${encodeURIComponent(ui.agent.adminToken)}`);
    const reminder = page.getByRole('status', { name: 'Checks not done today' });
    await reminder.waitFor();
    expect(await reminder.textContent()).toContain('Sync is OK');
    await reminder.getByRole('button', { name: 'Open Checks' }).click();

    await page.getByRole('heading', { name: 'Checks', exact: true }).waitFor();
    expect(await page.getByRole('tab', { name: 'Checks' }).getAttribute('aria-selected')).toBe('true');
    const form = page.getByRole('form', { name: 'Tick: Sync is OK' });
    await form.getByLabel('Note').fill('all green at opening');
    await form.getByRole('button', { name: 'Mark done' }).click();
    const dialog = page.getByRole('dialog', { name: 'Who is doing this?' });
    await dialog.getByLabel('Your name').fill('Sam Tester');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await page.getByText(/Done by Sam Tester at .*: all green at opening/).waitFor();

    // A monthly check, the name not asked again.
    await page.getByRole('form', { name: 'Tick: Stock movements reviewed' }).getByRole('button', { name: 'Mark done' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Stock movements reviewed' }).getByText(/Done by Sam Tester/).waitFor();
    await page.screenshot({ path: join(shots, 'month-end-checks.png'), fullPage: true });

    const ticks = audit('check_ticked');
    expect(ticks.map((t) => [t.actor, t.ref.split('/')[1], t.detail])).toEqual([
      ['Sam Tester', 'sync_ok', 'all green at opening'],
      ['Sam Tester', 'movements_reviewed', null],
    ]);

    await page.getByRole('tab', { name: 'Status' }).click();
    await page.getByText('Overall health').waitFor();
    await waitFor(async () => !((await reminder.textContent()) ?? '').includes('Sync is OK'), uiTimeout, 'the ticked check gone from the reminder');
    expect(await reminder.textContent()).toContain('No exception older than a day');
  });

  it('the month view shows last month from its days; finance signs it off by name', async () => {
    await page.getByRole('tab', { name: 'Takings' }).click();
    await page.getByRole('button', { name: 'Month' }).click();
    const summary = page.getByRole('status', { name: 'Month summary' });
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/balanced/i);
    await page.getByRole('button', { name: /Mark \d{4}-\d{2} reviewed/ }).click();
    await page.getByText(/Signed off by Sam Tester/).waitFor();
    await page.screenshot({ path: join(shots, 'month-end-takings.png'), fullPage: true });
    expect(audit('month_signed_off').map((a) => a.actor)).toEqual(['Sam Tester']);

    await page.getByRole('tab', { name: 'Stock' }).click();
    await page.getByRole('heading', { name: 'Stock movements' }).waitFor();
    await page.getByText('No unexplained movements in this range.').waitFor();
    expect(problems).toEqual([]);
  });
});
