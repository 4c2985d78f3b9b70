import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startUiAgent, uiDir, type UiAgent } from './ui-agent.js';

/**
 * The one setup every browser test of the staff window shares: the window built once, a real
 * agent serving it (the Stok.ly sandbox behind it), Debian's Chromium, a page (fresh per test or
 * one for the file), page errors collected, and helpers to open the window, take screenshots and
 * run axe-core.
 */

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
/** Screenshots for people checking a run (not committed). */
export const shots = 'test-results';
/**
 * Screenshots the handbook shows: committed under docs/img/ when UPDATE_HANDBOOK_SHOTS=1 (after a
 * change to the window), else beside the others, so a test run leaves the working tree clean.
 */
export const handbookShots = process.env.UPDATE_HANDBOOK_SHOTS === '1' ? join('docs', 'img') : join(shots, 'handbook');
// The CI machine has two cores: the UI polls every 5 s and the agent retries on its own clock.
export const uiTimeout = 60_000;

/** The desktop window's size, and a back-office PC screen. */
export const desktopWindow = { width: 1100, height: 760 } as const;
export const officeScreen = { width: 1366, height: 900 } as const;

export interface WindowFixtureOptions {
  /** Configuration overrides for the agent; a function when they are only known once earlier hooks ran (a receiver's URL). */
  agent?: Parameters<typeof startUiAgent>[0] | (() => Parameters<typeof startUiAgent>[0]);
  viewport?: { width: number; height: number };
  /** A new browser context and page before each test (default), or one page for the whole file. */
  pagePerTest?: boolean;
  context?: BrowserContextOptions;
  /** Browser permissions granted on the agent's origin (e.g. the clipboard). */
  permissions?: string[];
}

export interface WindowFixture {
  readonly ui: UiAgent;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors and console errors seen so far in this page. */
  readonly problems: string[];
  /** Opens the window signed in (the token in the link) and waits for the Status heading. */
  open(agent?: UiAgent): Promise<void>;
  /** A full-page screenshot under test-results/. */
  shot(name: string): Promise<void>;
  /** A screenshot of the visible window for the handbook, under docs/img/. */
  handbookShot(name: string): Promise<void>;
}

export function useStaffWindow(options: WindowFixtureOptions = {}): WindowFixture {
  const state: { ui?: UiAgent; browser?: Browser; context?: BrowserContext; page?: Page; problems: string[] } = { problems: [] };
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the window fixture has no ${what} yet (used outside a test?)`);
    return value;
  };

  const newPage = async (): Promise<void> => {
    const browser = need(state.browser, 'browser');
    const ui = need(state.ui, 'agent');
    state.context = await browser.newContext({ viewport: options.viewport ?? officeScreen, ...options.context });
    if (options.permissions) await state.context.grantPermissions(options.permissions, { origin: ui.agent.adminUrl });
    state.page = await state.context.newPage();
    state.page.setDefaultTimeout(uiTimeout);
    state.problems = [];
    state.page.on('pageerror', (err) => state.problems.push(`page error: ${err.message}`));
    state.page.on('console', (msg) => {
      // A 404 or a refused connection is logged by Chromium as a failed resource; the page itself handles it.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) state.problems.push(`console: ${msg.text()}`);
    });
  };

  beforeAll(async () => {
    if (!existsSync(join(uiDir, 'index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    mkdirSync(shots, { recursive: true });
    mkdirSync(handbookShots, { recursive: true });
    state.ui = await startUiAgent(typeof options.agent === 'function' ? options.agent() : options.agent);
    state.browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    if (options.pagePerTest === false) await newPage();
  }, 300_000);

  afterAll(async () => {
    await state.browser?.close();
    await state.ui?.stop();
  });

  if (options.pagePerTest !== false) {
    beforeEach(newPage);
    afterEach(async () => {
      await state.context?.close();
    });
  }

  return {
    get ui() { return need(state.ui, 'agent'); },
    get browser() { return need(state.browser, 'browser'); },
    get context() { return need(state.context, 'browser context'); },
    get page() { return need(state.page, 'page'); },
    get problems() { return state.problems; },
    async open(agent) {
      const a = agent ?? need(state.ui, 'agent');
      const page = need(state.page, 'page');
      await page.goto(`${a.agent.adminUrl}/#token=${encodeURIComponent(a.agent.adminToken)}`);
      await page.getByRole('heading', { name: 'Status', exact: true }).waitFor();
    },
    async shot(name) {
      await need(state.page, 'page').screenshot({ path: join(shots, name), fullPage: true });
    },
    async handbookShot(name) {
      await need(state.page, 'page').screenshot({ path: join(handbookShots, name) });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }

/** axe-core in the page: violations of moderate impact or worse, as readable lines (the context needs `bypassCSP`). */
export async function axeProblems(page: Page): Promise<string[]> {
  // Page code as strings: the tests are type-checked without the DOM library.
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate<AxeViolation[]>("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)");
  return violations
    .filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
