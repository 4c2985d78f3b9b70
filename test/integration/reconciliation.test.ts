import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { reconciliationRoutes } from '../../electron/core/admin/routes/reconciliation.js';
import { buildAdminServer } from '../../electron/core/admin/server.js';
import { systemClock } from '../../electron/core/clock.js';
import { Reconciler } from '../../electron/core/reconcile/reconciler.js';
import { dueDays, RECONCILIATION_SCHEDULE_DEFAULTS, scheduleReconciliation } from '../../electron/core/reconcile/schedule.js';
import { Scheduler } from '../../electron/core/schedule.js';
import { addDays, dayOf, dayWindow } from '../../electron/core/reconcile/trading-day.js';
import type { Refund, Sale } from '../../shared/kiosk-api.js';
import { reconciliationReportSchema, reconciliationVersionsSchema, type ReconciliationReport } from '../../shared/reconciliation.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';

let h: Harness;
let admin: FastifyInstance | null = null;
afterEach(async () => {
  await admin?.close();
  admin = null;
  await h?.stop();
});

const TZ = 'Europe/London';
/** Older than the schedule's look-back, so a sweep at agent start never builds it behind the test's back. */
const DAY = addDays(dayOf(Date.now(), TZ), -20);
const window = dayWindow(DAY, TZ);
/** An instant `hours` into the trading day, written as a kiosk would (with an offset). */
const at = (hours: number): string => new Date(window.start + hours * 3_600_000).toISOString().replace('Z', '+00:00');

async function setup(): Promise<Reconciler> {
  h = await startHarness();
  expect(h.agent.config.reconciliation.timeZone).toBe(TZ);
  return new Reconciler({ db: h.agent.db, client: h.agent.stokly, config: h.agent.config, clock: systemClock });
}

const statusOf = (kind: 'sale' | 'refund', ref: string): string | undefined => dbQueries(h.agent.db).outboxStatus(kind, ref);
const waitDone = (kind: 'sale' | 'refund', ref: string) => waitFor(() => statusOf(kind, ref) === 'done', 15_000, `${kind} ${ref} done`);

async function sell(sale: Sale): Promise<Sale> {
  expect((await h.kiosk().postSale(sale)).status).toBe(201);
  return sale;
}

const saleAt = (hours: number, tender: string): Sale => h.sales().make({ occurredAt: at(hours), tender, lines: 1 });

function refundOf(sale: Sale, hours: number): Refund {
  const line = sale.lines[0]!;
  return {
    refundId: `rf-${sale.saleId}`, saleId: sale.saleId, kioskId: sale.kioskId, occurredAt: at(hours), currency: sale.currency,
    lines: [{ sku: line.sku, quantity: 1, amount: line.unitPrice, restock: false }],
    payments: [{ tender: sale.payments[0]!.tender, amount: line.unitPrice }],
  };
}

const orderOf = (saleId: string) => {
  const orders = h.sandbox.state.ordersByReference(`store-001/${saleId}`);
  expect(orders).toHaveLength(1);
  return orders[0]!;
};

const row = (r: ReconciliationReport, tender: string) => {
  const found = r.tenders.find((t) => t.tenders.includes(tender));
  if (!found) throw new Error(`no row for ${tender}`);
  return found;
};

const paid = (sales: Sale[], tender: string): number =>
  sales.flatMap((s) => s.payments).filter((p) => p.tender === tender).reduce((s, p) => s + p.amount, 0);

describe('daily reconciliation against the Stok.ly sandbox', () => {
  it('a day with sales in two tenders and a refund balances, read back from Stok.ly', async () => {
    const rec = await setup();
    const card = await sell(saleAt(9, 'card'));
    const cash = await sell(saleAt(11, 'cash'));
    const split = h.sales().make({ occurredAt: at(13), tender: 'card', lines: 1 });
    const third = Math.floor(split.payments[0]!.amount / 3);
    split.payments = [{ tender: 'card', amount: split.payments[0]!.amount - third }, { tender: 'cash', amount: third }];
    await sell(split);
    const refund = refundOf(card, 15);
    for (const s of [card, cash, split]) await waitDone('sale', s.saleId);
    expect((await h.kiosk().post('/v1/refunds', refund)).status).toBe(201);
    await waitDone('refund', refund.refundId);

    const before = h.sandbox.requestLog().length;
    const report = await rec.build(DAY);
    // Both sides of Stok.ly were read, by channel, store prefix and the day's start.
    const reads = h.sandbox.requestLog().slice(before).map((r) => r.path);
    expect(reads).toEqual(expect.arrayContaining(['/v2/saleorders', '/v0/credit-notes']));

    expect(report).toMatchObject({ day: DAY, timeZone: TZ, version: 1, status: 'balanced', provisionalReasons: [], lines: [], currency: 'GBP' });
    const sales = [card, cash, split];
    const cardRow = row(report, 'card');
    expect(cardRow.ledger).toBe('card');
    expect(cardRow.kiosk).toEqual({ sales: paid(sales, 'card'), refunds: refund.payments[0]!.amount, net: paid(sales, 'card') - refund.payments[0]!.amount, count: 3 });
    expect(cardRow.stokly).toEqual(cardRow.kiosk);
    expect(row(report, 'cash').kiosk).toEqual({ sales: paid(sales, 'cash'), refunds: 0, net: paid(sales, 'cash'), count: 2 });
    expect(row(report, 'cash').stokly).toEqual(row(report, 'cash').kiosk);
    expect(report.totals.kiosk.count).toBe(4);
    expect(report.totals.variance).toBe(0);
    expect(report.pending).toEqual({ sales: 0, refunds: 0, exceptions: 0 });

    // The same figures again: no new version, only a later check.
    const again = await rec.build(DAY);
    expect(again.version).toBe(1);
    expect(Date.parse(again.checkedAt)).toBeGreaterThanOrEqual(Date.parse(report.checkedAt));
    expect(rec.versions(DAY)).toHaveLength(1);
  });

  it('a late offline sale re-opens the day: provisional while it waits, balanced once posted, every version kept', async () => {
    const rec = await setup();
    const first = await sell(saleAt(10, 'card'));
    await waitDone('sale', first.saleId);
    const v1 = await rec.build(DAY);
    expect(v1).toMatchObject({ version: 1, status: 'balanced' });
    const afterV1 = new Date(Date.parse(v1.checkedAt) - 60_000).toISOString();
    expect(dueDays(rec, Date.now(), afterV1, RECONCILIATION_SCHEDULE_DEFAULTS)).not.toContain(DAY);

    // The kiosk was offline: its sale of that day reaches the agent now, and Stok.ly is down.
    h.sandbox.setFaults({ outage: true });
    const late = await sell(saleAt(16, 'cash'));
    await waitFor(() => dbQueries(h.agent.db).outboxRow('sale', late.saleId)!.attempts > 0, 5_000, 'a failed try');
    // The schedule sees the late arrival: received after the day's last check.
    expect(dueDays(rec, Date.now(), afterV1, RECONCILIATION_SCHEDULE_DEFAULTS)).toContain(DAY);
    // Hold the sale in the outbox while Stok.ly is readable again.
    await h.agent.runner.stop();
    h.sandbox.setFaults({ outage: false });
    expect(statusOf('sale', late.saleId)).toBe('pending');

    const v2 = await rec.build(DAY);
    expect(v2).toMatchObject({ version: 2, status: 'provisional', provisionalReasons: ['pending'], pending: { sales: 1, refunds: 0, exceptions: 0 } });
    expect(v2.lines).toEqual([expect.objectContaining({ kind: 'sale', id: late.saleId, reason: 'pending', kiosk: late.payments[0]!.amount, stokly: 0 })]);
    expect(row(v2, 'cash').variance).toBe(-late.payments[0]!.amount);

    h.agent.runner.start();
    await waitDone('sale', late.saleId);
    const v3 = await rec.build(DAY);
    expect(v3).toMatchObject({ version: 3, status: 'balanced', lines: [] });
    expect(row(v3, 'cash').stokly.net).toBe(late.payments[0]!.amount);

    expect(rec.versions(DAY).map((v) => [v.version, v.status])).toEqual([[1, 'balanced'], [2, 'provisional'], [3, 'balanced']]);
    // Earlier versions are kept as they were, not rewritten.
    expect(rec.version(DAY, 1)!.totals).toEqual(v1.totals);
    expect(rec.version(DAY, 2)!.status).toBe('provisional');
    expect(() => h.agent.db.prepare(`UPDATE reconciliation_reports SET status = 'balanced' WHERE day = ? AND version = 2`).run(DAY)).toThrow(/never changed/);
  });

  it('a payment changed in Stok.ly and a removed order are reported with the sale and tender that explain them', async () => {
    const rec = await setup();
    const card = await sell(saleAt(9, 'card'));
    const cash = await sell(saleAt(10, 'cash'));
    const removed = await sell(saleAt(12, 'card'));
    for (const s of [card, cash, removed]) await waitDone('sale', s.saleId);
    expect((await rec.build(DAY)).status).toBe('balanced');

    // Someone edits the card sale's payment in Stok.ly, and removes another order.
    const kioskAmount = card.payments[0]!.amount;
    orderOf(card.saleId).payments[0]!.amount = (kioskAmount - 150) / 100;
    orderOf(removed.saleId).stage = 'removed';

    const report = await rec.build(DAY);
    expect(report).toMatchObject({ version: 2, status: 'variance' });
    expect(report.lines).toEqual([
      expect.objectContaining({ kind: 'sale', id: card.saleId, tender: 'card', ledger: 'card', kiosk: kioskAmount, stokly: kioskAmount - 150, variance: -150, reason: 'amount_differs' }),
      expect.objectContaining({ kind: 'sale', id: removed.saleId, tender: 'card', kiosk: removed.payments[0]!.amount, stokly: 0, reason: 'removed_in_stokly' }),
    ].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(row(report, 'card').variance).toBe(-150 - removed.payments[0]!.amount);
    expect(row(report, 'cash').variance).toBe(0);
    const explained = report.lines.reduce((s, l) => s + l.variance, 0);
    expect(explained).toBe(report.totals.variance);
  });

  it('a sale missing from Stok.ly, and an order Stok.ly has that no kiosk sold, are named', async () => {
    const rec = await setup();
    const kept = await sell(saleAt(9, 'card'));
    const lost = await sell(saleAt(10, 'cash'));
    for (const s of [kept, lost]) await waitDone('sale', s.saleId);
    const lostOrder = orderOf(lost.saleId);
    h.sandbox.state.saleOrders.delete(lostOrder.saleOrderId);
    const ghost = { ...structuredClone(orderOf(kept.saleId)), saleOrderId: 'ghost-order', niceId: 999, sourceReferenceId: 'store-001/never-sold' };
    h.sandbox.state.saleOrders.set(ghost.saleOrderId, ghost);

    const report = await rec.build(DAY);
    expect(report.status).toBe('variance');
    expect(report.lines.map((l) => ({ id: l.id, reason: l.reason, tender: l.tender, kiosk: l.kiosk, stokly: l.stokly }))).toEqual([
      { id: lost.saleId, reason: 'not_in_stokly', tender: 'cash', kiosk: lost.payments[0]!.amount, stokly: 0 },
      { id: 'never-sold', reason: 'unknown_to_kiosk', tender: 'card', kiosk: 0, stokly: kept.payments[0]!.amount },
    ].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(report.lines.find((l) => l.id === 'never-sold')!.documents[0]).toMatchObject({ id: 'ghost-order', niceId: '999' });
    expect(report.totals.stokly.count).toBe(2);
    expect(report.totals.kiosk.count).toBe(2);
  });

  it('the admin API answers JSON, versions and a CSV with the same figures, behind the bearer token', async () => {
    const rec = await setup();
    const card = await sell(saleAt(9, 'card'));
    const cash = await sell(saleAt(10, 'cash'));
    for (const s of [card, cash]) await waitDone('sale', s.saleId);
    orderOf(cash.saleId).payments[0]!.amount = (cash.payments[0]!.amount + 1) / 100;

    const token = 'reconciliation-test-token-0123456789';
    admin = await buildAdminServer({ token, uiDir: null, routes: [reconciliationRoutes(rec)] });
    await admin.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(admin.server.address() as AddressInfo).port}`;
    const get = (path: string, auth = true) => fetch(`${base}${path}`, { headers: auth ? { authorization: `Bearer ${token}` } : {} });

    expect((await get(`/api/reconciliation/${DAY}`, false)).status).toBe(401);
    expect((await get(`/api/reconciliation/${DAY}.csv`, false)).status).toBe(401);
    expect((await get('/api/reconciliation/2026-02-30')).status).toBe(400);
    expect((await get(`/api/reconciliation/${addDays(dayOf(Date.now(), TZ), 2)}`)).status).toBe(404);

    const jsonRes = await get(`/api/reconciliation/${DAY}`);
    expect(jsonRes.status).toBe(200);
    const report = reconciliationReportSchema.parse(await jsonRes.json());
    expect(report).toMatchObject({ version: 1, status: 'variance' });

    const csvRes = await get(`/api/reconciliation/${DAY}.csv?version=1`);
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvRes.headers.get('content-disposition')).toBe(`attachment; filename="reconciliation-store-001-${DAY}-v1.csv"`);
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes); // strips the BOM
    expect(text.split('\r\n').length).toBeGreaterThan(4);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');

    const rows = parse(text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    const toMinor = (s: string | undefined): number => Math.round(Number(s) * 100);
    const tenderRows = rows.filter((r) => r.section === 'tender');
    expect(tenderRows.map((r) => r.tender)).toEqual(report.tenders.map((t) => t.tenders.join(' + ')));
    for (const t of report.tenders) {
      const r = tenderRows.find((x) => x.tender === t.tenders.join(' + '))!;
      expect(r.kiosk_sales).toMatch(/^-?\d+\.\d{2}$/);
      expect([toMinor(r.kiosk_sales), toMinor(r.kiosk_refunds), toMinor(r.kiosk_net), Number(r.kiosk_count)]).toEqual([t.kiosk.sales, t.kiosk.refunds, t.kiosk.net, t.kiosk.count]);
      expect([toMinor(r.stokly_sales), toMinor(r.stokly_net), Number(r.stokly_count)]).toEqual([t.stokly.sales, t.stokly.net, t.stokly.count]);
      expect([toMinor(r.variance), Number(r.variance_minor)]).toEqual([t.variance, t.variance]);
    }
    const total = rows.find((r) => r.section === 'total')!;
    expect(Number(total.variance_minor)).toBe(report.totals.variance);
    const lines = rows.filter((r) => r.section === 'line');
    expect(lines.map((l) => [l.id, l.reason, l.tender, Number(l.variance_minor)])).toEqual(report.lines.map((l) => [l.id, l.reason, l.tender, l.variance]));
    expect(lines[0]!.id).toBe(cash.saleId);

    // Fixed in Stok.ly: a new version; the old one stays readable by number.
    orderOf(cash.saleId).payments[0]!.amount = cash.payments[0]!.amount / 100;
    const fixed = reconciliationReportSchema.parse(await (await get(`/api/reconciliation/${DAY}`)).json());
    expect(fixed).toMatchObject({ version: 2, status: 'balanced' });
    const old = reconciliationReportSchema.parse(await (await get(`/api/reconciliation/${DAY}?version=1`)).json());
    expect(old).toMatchObject({ version: 1, status: 'variance' });
    expect((await get(`/api/reconciliation/${DAY}?version=7`)).status).toBe(404);
    const versions = reconciliationVersionsSchema.parse(await (await get(`/api/reconciliation/${DAY}/versions`)).json());
    expect(versions.versions.map((v) => [v.version, v.status, v.variance])).toEqual([[1, 'variance', 1], [2, 'balanced', 0]]);

    // Stok.ly down: the last stored version, marked stale.
    h.sandbox.setFaults({ outage: true });
    const stale = await get(`/api/reconciliation/${DAY}`);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-reconciliation-stale')).toMatch(/version 2/);
  });

  it('the schedule builds yesterday and any day a late sale touched, without being asked', async () => {
    const rec = await setup();
    const late = await sell(saleAt(14, 'card'));
    await waitDone('sale', late.saleId);
    const scheduler = new Scheduler();
    try {
      scheduleReconciliation(scheduler, rec, { intervalSeconds: 3600 });
      const report = await waitFor(() => rec.latest(DAY), 10_000, `a report of ${DAY}`);
      expect(report).toMatchObject({ version: 1, status: 'balanced' });
      expect(report.totals.kiosk.net).toBe(late.payments[0]!.amount);
      const yesterday = addDays(dayOf(Date.now(), TZ), -1);
      if (Date.now() >= dayWindow(yesterday, TZ).end + 15 * 60_000) {
        await waitFor(() => rec.latest(yesterday), 10_000, 'yesterday built');
      }
    } finally {
      await scheduler.stop();
    }
  });
});
