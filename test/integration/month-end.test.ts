import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dayOf, dayWindow } from '../../electron/core/reconcile/trading-day.js';
import type { Refund, Sale } from '../../shared/kiosk-api.js';
import { monthTakingsSchema, type MonthTakings } from '../../shared/month-end.js';
import { reconciliationReportSchema, type ReconciliationReport } from '../../shared/reconciliation.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';

let h: Harness;
afterEach(async () => h?.stop());

const TZ = 'Europe/London';
/** Last month: every day has ended, and days early in it are older than the schedule's look-back. */
const MONTH = addDays(`${dayOf(Date.now(), TZ).slice(0, 7)}-01`, -1).slice(0, 7);
const [BALANCED, VARIANCE, PROVISIONAL] = [`${MONTH}-03`, `${MONTH}-05`, `${MONTH}-08`];
const at = (day: string, hours: number): string => new Date(dayWindow(day, TZ).start + hours * 3_600_000).toISOString().replace('Z', '+00:00');

const api = async (path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> =>
  fetch(`${h.agent.adminUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${h.agent.adminToken}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
const month = async (m = MONTH): Promise<MonthTakings> => {
  const res = await api(`/api/reconciliation/month/${m}`);
  expect(res.status).toBe(200);
  return monthTakingsSchema.parse(await res.json());
};
const dayReport = async (day: string): Promise<ReconciliationReport> =>
  reconciliationReportSchema.parse(await (await api(`/api/reconciliation/${day}?version=${(await month()).days.find((d) => d.day === day)!.version}`)).json());

const statusOf = (ref: string): string | undefined => h.agent.outbox.byRef('sale', ref)?.status;
async function sell(day: string, hours: number, tender: string): Promise<Sale> {
  const sale = h.sales().make({ occurredAt: at(day, hours), tender, lines: 1 });
  expect((await h.kiosk().postSale(sale)).status).toBe(201);
  return sale;
}
const waitDone = (sale: Sale) => waitFor(() => statusOf(sale.saleId) === 'done', 15_000, `sale ${sale.saleId} done`);
const orderOf = (saleId: string) => h.sandbox.state.ordersByReference(`store-001/${saleId}`)[0]!;
const paid = (txns: ReadonlyArray<Sale | Refund>, tender: string): number =>
  txns.flatMap((t) => t.payments).filter((p) => p.tender === tender).reduce((s, p) => s + p.amount, 0);

/**
 * Last month with a balanced day (two tenders and a refund), a variance day (a payment edited
 * in Stok.ly) and a provisional day (a sale still waiting for Stok.ly).
 */
async function tradeMonth() {
  h = await startHarness();
  const card = await sell(BALANCED, 9, 'card');
  const cash = await sell(BALANCED, 11, 'cash');
  await waitDone(card);
  await waitDone(cash);
  const line = card.lines[0]!;
  const refund: Refund = {
    refundId: `rf-${card.saleId}`, saleId: card.saleId, kioskId: card.kioskId, occurredAt: at(BALANCED, 15), currency: card.currency,
    lines: [{ sku: line.sku, quantity: 1, amount: line.unitPrice, restock: false }],
    payments: [{ tender: 'card', amount: line.unitPrice }],
  };
  expect((await h.kiosk().post('/v1/refunds', refund)).status).toBe(201);
  await waitFor(() => h.agent.outbox.byRef('refund', refund.refundId)?.status === 'done', 15_000, 'refund done');

  const edited = await sell(VARIANCE, 10, 'card');
  await waitDone(edited);
  orderOf(edited.saleId).payments[0]!.amount = (edited.payments[0]!.amount - 150) / 100;

  // Stok.ly is down when this one arrives; the queue is then held so it stays waiting.
  h.sandbox.setFaults({ outage: true });
  const waiting = await sell(PROVISIONAL, 12, 'cash');
  await waitFor(() => (h.agent.outbox.byRef('sale', waiting.saleId)?.attempts ?? 0) > 0, 5_000, 'a failed try');
  await h.agent.runner.stop();
  h.sandbox.setFaults({ outage: false });
  expect(statusOf(waiting.saleId)).toBe('pending');
  return { card, cash, refund, edited, waiting };
}

describe("the month's takings", () => {
  it('equal the sum of their days and an independent computation, naming the variance and provisional days', async () => {
    const { card, cash, refund, edited, waiting } = await tradeMonth();
    const m = await month();

    // Every day of last month, in order, each from its daily report.
    const [y, mo] = MONTH.split('-').map(Number) as [number, number];
    const length = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    expect(m.days.map((d) => d.day)).toEqual(Array.from({ length }, (_, i) => `${MONTH}-${String(i + 1).padStart(2, '0')}`));
    expect(m.complete).toBe(true);
    const status = (day: string) => m.days.find((d) => d.day === day)!;
    expect(status(BALANCED)).toMatchObject({ status: 'balanced', variance: 0 });
    expect(status(VARIANCE)).toMatchObject({ status: 'variance', variance: -150 });
    expect(status(PROVISIONAL)).toMatchObject({ status: 'provisional', variance: -waiting.payments[0]!.amount });
    expect(m.days.filter((d) => ![BALANCED, VARIANCE, PROVISIONAL].includes(d.day)).every((d) => d.status === 'balanced' && d.variance === 0)).toBe(true);
    expect(m.status).toBe('provisional');
    expect(m.attention.map((d) => d.day)).toEqual([VARIANCE, PROVISIONAL]);
    expect(m.summary).toContain(VARIANCE);
    expect(m.summary).toContain(PROVISIONAL);

    // Independent: from what the kiosks took and what the test changed in Stok.ly.
    const cardRow = m.tenders.find((t) => t.tenders.includes('card'))!;
    const cashRow = m.tenders.find((t) => t.tenders.includes('cash'))!;
    expect(cardRow.ledger).toBe('card');
    const kioskCard = paid([card, edited], 'card') - paid([refund], 'card');
    const kioskCash = paid([cash, waiting], 'cash');
    expect(cardRow.kiosk).toEqual({ sales: paid([card, edited], 'card'), refunds: paid([refund], 'card'), net: kioskCard, count: 3 });
    expect(cardRow.stokly.net).toBe(kioskCard - 150);
    expect(cardRow.variance).toBe(-150);
    expect(cashRow.kiosk.net).toBe(kioskCash);
    expect(cashRow.stokly.net).toBe(paid([cash], 'cash'));
    expect(cashRow.variance).toBe(-waiting.payments[0]!.amount);
    expect(m.totals.variance).toBe(-150 - waiting.payments[0]!.amount);

    // The sum of the days, tender by tender, figure by figure.
    const reports = await Promise.all([BALANCED, VARIANCE, PROVISIONAL].map(dayReport));
    for (const row of m.tenders) {
      const days = reports.map((r) => r.tenders.find((t) => t.key === row.key)!);
      for (const side of ['kiosk', 'stokly'] as const) {
        for (const f of ['sales', 'refunds', 'net', 'count'] as const) expect(row[side][f]).toBe(days.reduce((s, d) => s + d[side][f], 0));
      }
      expect(row.variance).toBe(days.reduce((s, d) => s + d.variance, 0));
    }
    expect(m.days.reduce((s, d) => s + d.variance, 0)).toBe(m.totals.variance);
  });

  it('CSV round trip: one row per tender and per day, the same figures as the JSON', async () => {
    await tradeMonth();
    const m = await month();
    const res = await api(`/api/reconciliation/month/${MONTH}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`takings-store-001-${MONTH}.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('\r\n');
    const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    const tenders = rows.filter((r) => r.section === 'tender');
    expect(tenders).toHaveLength(m.tenders.length);
    for (const t of m.tenders) {
      const r = tenders.find((x) => x.ledger === t.ledger)!;
      expect(Number(r.kiosk_net_minor)).toBe(t.kiosk.net);
      expect(Number(r.stokly_net_minor)).toBe(t.stokly.net);
      expect(Number(r.variance_minor)).toBe(t.variance);
      expect(Math.round(Number(r.variance) * 100)).toBe(t.variance);
    }
    const days = rows.filter((r) => r.section === 'day');
    expect(days.map((r) => [r.day, r.day_status, Number(r.variance_minor), r.version])).toEqual(m.days.map((d) => [d.day, d.status, d.variance, String(d.version)]));
    const total = rows.find((r) => r.section === 'total')!;
    expect(Number(total.variance_minor)).toBe(m.totals.variance);
  });

  it('a month not started is 404, a malformed one 400', async () => {
    h = await startHarness();
    const next = addDays(`${dayOf(Date.now(), TZ).slice(0, 7)}-28`, 5).slice(0, 7);
    expect((await api(`/api/reconciliation/month/${next}`)).status).toBe(404);
    for (const bad of ['2026-13', '2026-1', 'november']) expect((await api(`/api/reconciliation/month/${bad}`)).status).toBe(400);
    const current = await month(dayOf(Date.now(), TZ).slice(0, 7));
    expect(current.complete).toBe(false);
    expect(current.status).toBe('provisional');
    expect(current.days.at(-1)!.day).toBe(dayOf(Date.now(), TZ));
  });
});

describe('month sign-off', () => {
  it('records who and the versions seen, is audited, and goes out of date when a day gets a new version', async () => {
    const { edited } = await tradeMonth();
    const before = await month();
    expect(before.signOff).toBeNull();
    expect((await api(`/api/reconciliation/month/${MONTH}/signoff`, { method: 'POST', body: { note: 'x' } })).status).toBe(400);

    const res = await api(`/api/reconciliation/month/${MONTH}/signoff`, { method: 'POST', body: { actor: 'Fiona (finance)', note: 'card -1.50 on the 5th: till error, accepted' } });
    expect(res.status).toBe(200);
    const signed = monthTakingsSchema.parse(await res.json());
    expect(signed.signOff).toMatchObject({ by: 'Fiona (finance)', note: 'card -1.50 on the 5th: till error, accepted', outOfDate: false, changedDays: [] });
    expect(signed.signOff!.versions[VARIANCE]).toBe(before.days.find((d) => d.day === VARIANCE)!.version);
    expect(Object.keys(signed.signOff!.versions)).toHaveLength(before.days.length);
    const audit = dbQueries(h.agent.db).auditFor('month', MONTH).map(({ actor, action, detail }) => ({ actor, action, detail }));
    expect(audit).toEqual([{ actor: 'Fiona (finance)', action: 'month_signed_off', detail: 'card -1.50 on the 5th: till error, accepted' }]);
    expect((await month()).signOff?.outOfDate).toBe(false);

    // Someone corrects the payment in Stok.ly: the day is rebuilt as a new version.
    orderOf(edited.saleId).payments[0]!.amount = edited.payments[0]!.amount / 100;
    const rebuilt = reconciliationReportSchema.parse(await (await api(`/api/reconciliation/${VARIANCE}`)).json());
    expect(rebuilt.status).toBe('balanced');
    const after = await month();
    expect(after.signOff).toMatchObject({ by: 'Fiona (finance)', outOfDate: true, changedDays: [VARIANCE] });
    expect(after.days.find((d) => d.day === VARIANCE)).toMatchObject({ status: 'balanced', version: rebuilt.version });
  });
});
