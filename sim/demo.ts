import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../electron/core/config.js';
import { startAgent } from '../electron/core/index.js';
import { sha256Hex } from '../electron/core/kiosk/auth.js';
import { kioskProducts } from './kiosks/catalogue.js';
import { KioskClient } from './kiosks/kiosk-client.js';
import { SaleFactory } from './kiosks/sale-factory.js';
import { CloudshelfSandbox } from './cloudshelf/sandbox.js';
import { StoklySandbox } from './stokly/sandbox.js';
import { generateShop } from './stokly/seed.js';

/**
 * `npm run demo`: a small shop in the Stok.ly sandbox, the agent with a generated
 * configuration in a temporary data directory, and kiosks selling every few seconds.
 */
const { values } = parseArgs({
  options: {
    kiosks: { type: 'string', default: '3' },
    'interval-ms': { type: 'string', default: '4000' },
    'stokly-port': { type: 'string', default: '4790' },
    'cloudshelf-port': { type: 'string', default: '4791' },
    'kiosk-port': { type: 'string', default: '4780' },
    'admin-port': { type: 'string', default: '4781' },
    'keep-data': { type: 'boolean', default: false },
  },
});

const kioskCount = Number(values.kiosks);
const intervalMs = Number(values['interval-ms']);
const seed = generateShop({ itemCount: 300, seed: 2026 });
const sandbox = await StoklySandbox.start({ seed, port: Number(values['stokly-port']) });
const cloudshelf = await CloudshelfSandbox.start({ port: Number(values['cloudshelf-port']), safetyStock: 1 });
const cloudshelfLocation = 'gid://external/ShelfbridgeLocation/store-001';
const dataDir = mkdtempSync(join(tmpdir(), 'shelfbridge-demo-'));
const kioskIds = Array.from({ length: kioskCount }, (_, i) => `kiosk-${String(i + 1).padStart(2, '0')}`);
const tokenOf = (id: string): string => `demo-token-${id}`;

const config = parseConfig({
  storeId: 'store-001',
  dataDir,
  stokly: {
    baseUrl: sandbox.url,
    accountKey: sandbox.credentials.accountKey,
    clientId: sandbox.credentials.clientId,
    locationId: seed.storeLocationId,
    channelId: seed.channelId,
  },
  kioskApi: { host: '127.0.0.1', port: Number(values['kiosk-port']), kiosks: kioskIds.map((id) => ({ id, tokenSha256: sha256Hex(tokenOf(id)) })) },
  adminApi: { port: Number(values['admin-port']) },
  tenders: { card: { method: 4, ledger: 'Card takings' }, cash: { method: 1, ledger: 'Cash takings' } },
  outbox: { backoffBaseMs: 1_000, backoffCapMs: 30_000, unknownOutcomeGraceMs: 3_000 },
  sync: { stockIntervalSeconds: 15, catalogIntervalSeconds: 30, staleAfterSeconds: 120 },
  catalog: { taxRates: { standard: 20, reduced: 5, zero: 0 } },
  cloudshelf: { apiUrl: cloudshelf.url, locationId: cloudshelfLocation, locationName: 'High Street Store', orderPollSeconds: 20 },
  logLevel: 'warn',
}, 'demo configuration');

const uiDir = join(import.meta.dirname, '..', 'dist-renderer');
const agent = await startAgent(config, { stoklySecretKey: sandbox.credentials.secretKey, cloudshelfApiKey: cloudshelf.apiKey }, { uiDir: existsSync(uiDir) ? uiDir : null });

console.log(`
Shelfbridge demo
  Stok.ly sandbox   ${sandbox.url}   (${seed.items.length} items, store location ${seed.storeLocationId}, channel ${seed.channelId})
  Cloudshelf sandbox ${cloudshelf.url}   (state: ${cloudshelf.url.replace(/\/graphql$/, '')}/__sandbox/state)
  Kiosk LAN API     ${agent.kioskUrl}   (kiosks ${kioskIds.join(', ')}; token of each: ${tokenOf('<id>')})
  Staff window      ${agent.adminUrl}/#token=${agent.adminToken}${existsSync(uiDir) ? '' : '   (UI not built: run npm run build:ui)'}
  Health            ${agent.kioskUrl}/health
  Data directory    ${dataDir}
Kiosks sell every ~${intervalMs / 1000} s; now and then one resends a sale, sells a SKU Stok.ly does not know,
refunds a sale, or a sale reaches only Cloudshelf (the agent polls it).
Finance: the staff window's Takings tab, or ${agent.adminUrl}/api/reconciliation/<YYYY-MM-DD>(.csv) with the token.
To break a day in Stok.ly: curl -X PATCH ${sandbox.url}/__sandbox/sale-orders/<saleOrderId>/payments \\
    -H 'content-type: application/json' -d '{"payments":[{"method":4,"amount":1}]}'
Ctrl-C stops everything.
`);

const products = kioskProducts(seed.items);
const stamp = (): string => new Date().toISOString().slice(11, 19);
let running = true;
let posted = 0;
const kioskLoops = kioskIds.map(async (id) => {
  const client = new KioskClient(agent.kioskUrl, id, tokenOf(id));
  const factory = new SaleFactory(id, products);
  while (running) {
    await new Promise((r) => setTimeout(r, intervalMs * (0.5 + Math.random())));
    if (!running) break;
    const roll = Math.random();
    const sale = factory.make({ unknownSku: roll < 0.04, ship: roll > 0.9 });
    try {
      const res = await client.deliver('/v1/sales', sale, { maxTries: 20, pauseMs: 1_000 });
      posted++;
      const flags = (res.body as { flags?: string[] }).flags ?? [];
      console.log(`${stamp()} ${id} sale ${sale.saleId} → ${res.status}${flags.length ? ` flags: ${flags.join(', ')}` : ''}`);
      if (Math.random() < 0.08) {
        const again = await client.postSale(sale);
        console.log(`${stamp()} ${id} resent ${sale.saleId} → ${again.status} (nothing duplicated)`);
      }
      if (Math.random() < 0.06) {
        const line = sale.lines[0]!;
        const refund = {
          refundId: `${sale.saleId}-r`, saleId: sale.saleId, kioskId: id, occurredAt: new Date().toISOString(), currency: sale.currency,
          lines: [{ sku: line.sku, quantity: 1, amount: line.unitPrice, restock: line.fulfilment === 'store' }],
          payments: [{ tender: sale.payments[0]!.tender, amount: line.unitPrice }],
        };
        const r = await client.deliver('/v1/refunds', refund, { maxTries: 20, pauseMs: 1_000 });
        console.log(`${stamp()} ${id} refund ${refund.refundId} → ${r.status}`);
      }
      if (Math.random() < 0.04) {
        const product = products[Math.floor(Math.random() * products.length)]!;
        const item = seed.items.find((i) => i.sku === product.sku)!;
        const orderId = cloudshelf.addOrder({ status: 'PAID', lines: [{ productVariantId: `gid://external/StoklyVariant/${item.itemId}`, quantity: 1, price: product.unitPrice / 100, currencyCode: 'GBP' }] });
        console.log(`${stamp()} Cloudshelf-only order ${orderId} (never sent over the LAN): the agent will poll it`);
      }
    } catch (err) {
      console.log(`${id}: ${(err as Error).message}`);
    }
  }
});

const summary = setInterval(() => {
  const s = agent.status();
  console.log(`— status ${s.health.status}: accepted ${posted}, posted to Stok.ly ${s.counts.done}, waiting ${s.counts.pending + s.counts.sending}, needs a person ${s.exceptions.open}; Stok.ly orders ${sandbox.state.saleOrders.size}, credit notes ${sandbox.state.creditNotes.size}; Cloudshelf variants ${cloudshelf.state.variants.size}`);
}, 15_000);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping kiosks, agent and sandbox…');
  running = false;
  clearInterval(summary);
  await Promise.allSettled(kioskLoops);
  await agent.stop();
  await sandbox.stop();
  await cloudshelf.stop();
  if (!values['keep-data']) rmSync(dataDir, { recursive: true, force: true });
  console.log('stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
