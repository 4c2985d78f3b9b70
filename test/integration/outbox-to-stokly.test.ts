import { afterEach, describe, expect, it } from 'vitest';
import { minorToMajor } from '../../shared/money.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';

let h: Harness;
afterEach(async () => h?.stop());

const statusOf = (saleId: string): string | undefined => dbQueries(h.agent.db).outboxStatus('sale', saleId);

const waitDone = (saleId: string, ms = 10_000) => waitFor(() => statusOf(saleId) === 'done', ms, `sale ${saleId} done`);

describe('outbox → Stok.ly sale orders', () => {
  it('a sale becomes one order with the right lines and payments, and its store lines are collected', async () => {
    h = await startHarness();
    const sale = h.sales().make({ lines: 2, ship: true });
    const storeLine = sale.lines[1]!;
    const item = [...h.sandbox.state.items.values()].find((i) => i.sku === storeLine.sku)!;
    const onHandBefore = h.sandbox.state.inventoryRecord(item.itemId, 'LOC-STORE-001')?.onHand ?? 0;

    expect((await h.kiosk().postSale(sale)).status).toBe(201);
    await waitDone(sale.saleId);

    const orders = h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`);
    expect(orders).toHaveLength(1);
    const order = orders[0]!;
    expect(order.stage).toBe('order');
    expect(order.sourceType).toBe('epos');
    expect(order.sourceId).toBe('CH-KIOSK');
    expect(order.currency).toBe('GBP');
    expect(Date.parse(order.createdAt)).toBe(Date.parse(sale.occurredAt));
    expect(order.lines).toHaveLength(2);
    sale.lines.forEach((line, i) => {
      const ol = order.lines[i]!;
      expect(ol.itemSku).toBe(line.sku);
      expect(ol.quantity).toBe(line.quantity);
      expect(ol.displayPrice).toBe(minorToMajor(line.unitPrice, 'GBP'));
      expect(ol.displayLineTax).toBe(minorToMajor(line.tax, 'GBP'));
      expect(ol.displayLineTotal).toBe(minorToMajor(line.unitPrice * line.quantity - line.discount, 'GBP'));
      expect(ol.fulfilmentType).toBe(line.fulfilment === 'ship' ? 'delivery' : 'none');
    });
    expect(order.payments.map((p) => ({ method: p.method, amount: p.amount }))).toEqual(
      sale.payments.map((p) => ({ method: p.tender === 'card' ? 4 : 1, amount: minorToMajor(p.amount, 'GBP') })),
    );
    // Store line collected at the store location; the shipped line left alone.
    expect(order.lines[1]!.status).toBe('collected');
    expect(order.lines[0]!.status).not.toBe('collected');
    const onHandAfter = h.sandbox.state.inventoryRecord(item.itemId, 'LOC-STORE-001')!.onHand;
    expect(onHandAfter).toBe(onHandBefore - storeLine.quantity);
  });

  it('a resend after posting creates nothing more', async () => {
    h = await startHarness();
    const sale = h.sales().make();
    await h.kiosk().postSale(sale);
    await waitDone(sale.saleId);
    const again = await h.kiosk().postSale(sale);
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)).toHaveLength(1);
  });

  it('an outage grows the backlog while sales keep being accepted, and it drains afterwards', async () => {
    h = await startHarness();
    h.sandbox.setFaults({ outage: true });
    const sales = Array.from({ length: 12 }, () => h.sales().make());
    for (const s of sales) expect((await h.kiosk().postSale(s)).status).toBe(201);
    await new Promise((r) => setTimeout(r, 500));
    const during = h.agent.status();
    expect(during.counts.pending + during.counts.sending).toBe(12);
    expect(during.health.status).toBe('degraded');
    expect(h.sandbox.state.saleOrders.size).toBe(0);

    h.sandbox.setFaults({ outage: false });
    for (const s of sales) await waitDone(s.saleId, 15_000);
    for (const s of sales) expect(h.sandbox.state.ordersByReference(`store-001/${s.saleId}`)).toHaveLength(1);
    expect(h.agent.status().health.backlog.pending).toBe(0);
  });

  it('a 429 pauses the whole queue for Retry-After, then everything is posted', async () => {
    h = await startHarness({ sandbox: { rateLimit: { limit: 8, windowMs: 2_000 } } });
    const sales = Array.from({ length: 6 }, () => h.sales().make({ lines: 1 }));
    const started = Date.now();
    for (const s of sales) await h.kiosk().postSale(s);
    for (const s of sales) await waitDone(s.saleId, 20_000);
    const log = h.sandbox.requestLog();
    const limited = log.filter((r) => r.status === 429);
    // 6 sales need more than 8 requests: the window forced a wait, and the queue honoured it.
    expect(limited.length).toBeGreaterThan(0);
    const firstLimited = limited[0]!.at;
    // Requests already in flight may land just after the 429; none may start during the pause.
    const requestsRightAfter = log.filter((r) => r.at > firstLimited + 50 && r.at < firstLimited + 500 && !r.path.startsWith('/__'));
    expect(requestsRightAfter).toHaveLength(0);
    expect(Date.now() - started).toBeGreaterThan(1_000);
    for (const s of sales) expect(h.sandbox.state.ordersByReference(`store-001/${s.saleId}`)).toHaveLength(1);
  });

  it('an expired token is renewed and the call repeated once', async () => {
    h = await startHarness();
    const first = h.sales().make();
    await h.kiosk().postSale(first);
    await waitDone(first.saleId);
    const grantsBefore = h.sandbox.requestLog().filter((r) => r.path === '/v1/grant').length;
    h.sandbox.expireAllTokens();
    const second = h.sales().make();
    await h.kiosk().postSale(second);
    await waitDone(second.saleId);
    const log = h.sandbox.requestLog();
    expect(log.filter((r) => r.path === '/v1/grant').length).toBe(grantsBefore + 1);
    expect(log.some((r) => r.status === 401)).toBe(true);
    expect(dbQueries(h.agent.db).outboxRow('sale', second.saleId)!.attempts).toBe(0);
  });

  it('an unknown SKU makes that sale an exception while later sales pass', async () => {
    h = await startHarness();
    const bad = h.sales().make({ unknownSku: true, lines: 1 });
    const good = Array.from({ length: 3 }, () => h.sales().make());
    await h.kiosk().postSale(bad);
    for (const s of good) await h.kiosk().postSale(s);
    for (const s of good) await waitDone(s.saleId);
    await waitFor(() => statusOf(bad.saleId) === 'exception', 5_000, 'exception');
    const row = dbQueries(h.agent.db).outboxRow('sale', bad.saleId)!;
    expect(row.exceptionReason).toBe('unknown_sku');
    expect(row.lastError).toContain(bad.lines[0]!.sku);
    expect(h.sandbox.state.ordersByReference(`store-001/${bad.saleId}`)).toHaveLength(0);
    // The next sale with that SKU is flagged at the till-side already.
    const again = await h.kiosk().postSale({ ...h.sales().make({ lines: 1 }), lines: bad.lines });
    expect((again.body as { flags: string[] }).flags).toContain('unknown_sku');

    // Once the SKU exists in Stok.ly, a retry posts it.
    h.sandbox.state.addItem({ sku: bad.lines[0]!.sku, name: 'New tee' });
    const retry = await fetch(`${h.agent.adminUrl}/api/outbox/${h.agent.outbox.byRef('sale', bad.saleId)!.id}/retry`, {
      method: 'POST', headers: { authorization: `Bearer ${h.agent.adminToken}` },
    });
    expect(retry.status).toBe(200);
    await waitDone(bad.saleId);
    expect(h.sandbox.state.ordersByReference(`store-001/${bad.saleId}`)).toHaveLength(1);
  });

  it('an answer lost after Stok.ly committed the order is adopted, not posted again', async () => {
    h = await startHarness();
    h.sandbox.setFaults({ dropAfterCommitRate: 1 });
    const sale = h.sales().make();
    await h.kiosk().postSale(sale);
    await waitFor(() => h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`).length > 0, 5_000, 'order committed');
    await waitFor(() => h.agent.outbox.byRef('sale', sale.saleId)?.outcomeUnknown, 5_000, 'outcome unknown');
    h.sandbox.setFaults({ dropAfterCommitRate: 0 });
    await waitDone(sale.saleId);
    expect(h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)).toHaveLength(1);
  });

  it('a sale left "sending" by a crash is looked up and adopted after restart: one order, collected once', async () => {
    h = await startHarness();
    const sale = h.sales().make({ lines: 1 });
    await h.kiosk().postSale(sale);
    await waitDone(sale.saleId);
    const [order] = h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`);
    const stock = () => [...h.sandbox.state.inventoryRecords.values()].find((r) => r.itemSku === sale.lines[0]!.sku && r.locationId === 'LOC-STORE-001' && r.binId === 'UNASSIGNED')!.onHand;
    const onHandAfterFirst = stock();
    await h.agent.stop();
    // Forge the state a crash mid-POST leaves: Stok.ly has the order, the row still says sending.
    const { default: Database } = await import('better-sqlite3');
    const { join } = await import('node:path');
    const db = new Database(join(h.dataDir, 'shelfbridge.db'));
    db.prepare(`UPDATE outbox SET status = 'sending', step = 'create', remote_id = NULL, done_at = NULL, last_attempt_at = 0 WHERE ref = ?`).run(sale.saleId);
    db.close();
    await h.restart();
    await waitDone(sale.saleId);
    expect(h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)).toHaveLength(1);
    expect(h.agent.outbox.byRef('sale', sale.saleId)!.remoteId).toBe(order!.saleOrderId);
    expect(stock()).toBe(onHandAfterFirst);
  });
});
