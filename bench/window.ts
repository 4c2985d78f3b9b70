import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startAgent } from '../electron/core/index.js';
import { openDatabase } from '../electron/core/db/connection.js';
import { OutboxRepo } from '../electron/core/db/outbox-repo.js';
import { SalesRepo } from '../electron/core/db/sales-repo.js';
import { silenceLogging } from '../electron/core/logging/logger.js';
import { kioskProducts } from '../sim/kiosks/catalogue.js';
import { KioskClient } from '../sim/kiosks/kiosk-client.js';
import { SaleFactory } from '../sim/kiosks/sale-factory.js';
import { StoklySandbox } from '../sim/stokly/sandbox.js';
import { generateShop } from '../sim/stokly/seed.js';
import { KIOSK_IDS, kioskToken, testConfig } from '../test/support/harness.js';
import type { Flags } from './support/args.js';
import { fmt, percentile, sortedCopy, table } from './support/stats.js';

/**
 * The staff window on a big store: `--sales` sales (already in Stok.ly) and `--items` products.
 * Admin API p50/p99 for the Sales tab's and the product picker's requests (sequential, after a
 * warm-up), and in Chromium the time from opening the Sales tab to its first rows and from
 * typing in the product picker to its first results.
 */
export async function windowBench(flags: Flags): Promise<void> {
  const salesCount = flags.number('sales', 50_000);
  const items = flags.number('items', 50_000);
  const rounds = flags.number('rounds', 200);
  silenceLogging();
  const seed = generateShop({ itemCount: items, seed: 7 });
  const sandbox = await StoklySandbox.start({ rateLimit: null, seed });
  const dataDir = mkdtempSync(join(tmpdir(), 'shelfbridge-bench-window-'));
  const config = testConfig(sandbox, dataDir);
  let t = performance.now();
  const agent = await startAgent(config, { stoklySecretKey: sandbox.credentials.secretKey }, { uiDir: resolve('dist-renderer'), logConsole: false });
  silenceLogging();
  await agent.sync('catalog');
  await agent.sync('stock');
  console.log(`agent up with ${fmt(items)} products in ${fmt((performance.now() - t) / 1000, 1)} s`);

  // The sales go straight into the database as sent (a second connection, as a restore would).
  t = performance.now();
  const products = kioskProducts(seed.items);
  const factory = new SaleFactory(KIOSK_IDS[0], products);
  const db = openDatabase(join(dataDir, 'shelfbridge.db'));
  const sales = new SalesRepo(db);
  const outbox = new OutboxRepo(db);
  const start = Date.now() - 30 * 86_400_000;
  let someSale = '';
  let someSku = '';
  db.transaction(() => {
    for (let n = 0; n < salesCount; n++) {
      const sale = { ...factory.make({ lines: 1 + (n % 3) }), kioskId: KIOSK_IDS[n % 2]! };
      const at = start + Math.floor((n / salesCount) * 30 * 86_400_000);
      sales.insert(sale, `bench-${n}`, new Date(at).toISOString(), { duplicateOf: null, source: 'kiosk' });
      const id = outbox.insert('sale', sale.saleId, JSON.stringify(sale), at);
      outbox.markCreated(id, `order-${n}`, String(100_000 + n), at);
      outbox.markDone(id, at);
      if (n === Math.floor(salesCount / 2)) {
        someSale = sale.saleId;
        someSku = sale.lines[0]!.sku;
      }
    }
  })();
  db.close();
  console.log(`${fmt(salesCount)} sales stored in ${fmt((performance.now() - t) / 1000, 1)} s`);

  const headers = { authorization: `Bearer ${agent.adminToken}` };
  const word = seed.items.find((i) => i.name.length > 6)!.name.split(/\s+/)[0]!.slice(0, 5).toLowerCase();
  const requests: Array<[string, string]> = [
    ['Sales tab, first page', '/api/sales?limit=25'],
    ['Sales tab, last page', `/api/sales?limit=25&offset=${salesCount - 25}`],
    ['Sales tab, by sale id', `/api/sales?q=${encodeURIComponent(someSale)}`],
    ['Sales tab, by SKU', `/api/sales?q=${encodeURIComponent(someSku)}`],
    ['Sales tab, by amount', '/api/sales?q=60.00'],
    ['Sales tab, by order number', '/api/sales?q=125000'],
    ['Sales tab, one kiosk, one day', `/api/sales?kiosk=${KIOSK_IDS[1]}&day=${new Date(start + 15 * 86_400_000).toISOString().slice(0, 10)}`],
    ['One sale\'s story', `/api/sales/${encodeURIComponent(someSale)}`],
    [`Product search "${word}"`, `/api/products?q=${encodeURIComponent(word)}&limit=8`],
    ['Product search, SKU start', `/api/products?q=${encodeURIComponent(someSku.slice(0, 2))}&limit=8`],
    ['Stock flags, today', `/api/flags?day=${new Date().toISOString().slice(0, 10)}&state=open&limit=50`],
  ];
  const rows: string[][] = [];
  for (const [label, path] of requests) {
    const times: number[] = [];
    let matched = '';
    for (let i = 0; i < rounds + 20; i++) {
      const t0 = performance.now();
      const res = await fetch(`${agent.adminUrl}${path}`, { headers });
      const body = (await res.json()) as { total?: number; totalCapped?: boolean; items?: unknown[] };
      if (!res.ok) throw new Error(`${path} → ${res.status}`);
      if (i >= 20) times.push(performance.now() - t0);
      matched = `${body.totalCapped ? '> ' : ''}${fmt(body.total ?? body.items?.length ?? 1)}`;
    }
    const sorted = sortedCopy(times);
    rows.push([label, matched, fmt(percentile(sorted, 50), 1), fmt(percentile(sorted, 99), 1)]);
  }
  console.log(`\nadmin API, ${rounds} sequential requests each (ms)`);
  console.log(table(['request', 'matches', 'p50', 'p99'], rows));

  // In Chromium: the window as staff use it, at the desktop window's size.
  const kiosk = new KioskClient(agent.kioskUrl, KIOSK_IDS[0], kioskToken(KIOSK_IDS[0]));
  await kiosk.postSale(new SaleFactory(KIOSK_IDS[0], products).make({ unknownSku: true, lines: 1 }));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage();
  const link = `${agent.adminUrl}/#token=${encodeURIComponent(agent.adminToken)}`;
  const browserRows: string[][] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto('about:blank');
    const t0 = performance.now();
    await page.goto(link);
    await page.getByRole('tab', { name: 'Sales' }).click();
    await page.getByRole('button', { name: /^Open sale / }).first().waitFor();
    const tabMs = performance.now() - t0;
    // The list's line before the search ("… of 50,001 …"); the search's own line replaces it.
    const listed = page.getByText(/^Sales 1–\d+ of (more than )?[\d,]+, newest first\.$/);
    const unfiltered = (await listed.textContent()) ?? '';
    const t1 = performance.now();
    await page.getByLabel('Sale, SKU, order number or amount').fill(someSku);
    await listed.filter({ hasNotText: unfiltered }).waitFor();
    const searchMs = performance.now() - t1;
    await page.getByRole('tab', { name: /Needs attention/ }).click();
    await page.getByRole('listitem').getByRole('link').first().click();
    const picker = page.getByRole('combobox', { name: 'Product in Stok.ly' });
    await picker.waitFor();
    const t2 = performance.now();
    await picker.fill(word);
    await page.getByRole('option').first().waitFor();
    const pickMs = performance.now() - t2;
    browserRows.push([`run ${i + 1}`, fmt(tabMs), fmt(searchMs), fmt(pickMs)]);
  }
  console.log('\nChromium 1100×760, first results (ms; includes the 250 ms typing pause of the sales search and the picker\'s own)');
  console.log(table(['', 'open window → Sales rows', 'type SKU → sales', 'type in picker → products'], browserRows));
  await browser.close();
  await agent.stop();
  await sandbox.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
