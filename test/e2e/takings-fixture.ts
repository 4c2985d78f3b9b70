import type { Page } from 'playwright-core';
import type { ReconciliationReport, ReconciliationVersions } from '../../shared/reconciliation.js';

/**
 * A made-up day for the Takings view, typed against the shared contract (a change to the
 * schema breaks the type check here, not the screen): version 1 provisional, version 2 with a
 * variance on card explained by one sale.
 */
export function fixtureReport(day: string, version: 1 | 2): ReconciliationReport {
  const builtAt = version === 1 ? `${day}T22:15:00.000Z` : `${day}T23:45:00.000Z`;
  const cardStokly = version === 1 ? 120_00 : 115_50;
  return {
    day,
    timeZone: 'Europe/London',
    start: `${day}T00:00:00.000Z`,
    end: new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString(),
    storeId: 'store-001',
    channelId: 'CH-KIOSK',
    currency: 'GBP',
    version,
    status: version === 1 ? 'provisional' : 'variance',
    provisionalReasons: version === 1 ? ['pending'] : [],
    builtAt,
    checkedAt: builtAt,
    tenders: [
      {
        key: 'method:4', tenders: ['card', 'gift_card'], method: 4, ledger: 'Card takings',
        kiosk: { sales: 130_00, refunds: 10_00, net: 120_00, count: 7 },
        stokly: { sales: cardStokly + 10_00, refunds: 10_00, net: cardStokly, count: 7 },
        variance: cardStokly - 120_00,
        note: 'card and gift_card share Stok.ly payment method 4, so Stok.ly cannot tell them apart',
      },
      {
        key: 'method:1', tenders: ['cash'], method: 1, ledger: 'Cash',
        kiosk: { sales: 42_50, refunds: 0, net: 42_50, count: 3 },
        stokly: { sales: 42_50, refunds: 0, net: 42_50, count: 3 },
        variance: 0,
        note: null,
      },
    ],
    totals: {
      kiosk: { sales: 172_50, refunds: 10_00, net: 162_50, count: 10 },
      stokly: { sales: cardStokly + 52_50, refunds: 10_00, net: cardStokly + 42_50, count: 10 },
      variance: cardStokly - 120_00,
    },
    lines: version === 1 ? [] : [{
      kind: 'sale', id: 'S-20261125-0042', reference: 'store-001/S-20261125-0042', tenderKey: 'method:4', tender: 'card', ledger: 'Card takings',
      kiosk: 24_50, stokly: 20_00, variance: -4_50, reason: 'amount_differs',
      detail: 'Stok.ly holds £20.00 on card; the kiosk took £24.50',
      documents: [{ id: 'SO-9f2', niceId: 'SO-1042', createdAt: `${day}T14:02:11.000Z` }],
    }],
    pending: { sales: version === 1 ? 1 : 0, refunds: 0, exceptions: 0 },
    notes: [],
  };
}

export function fixtureVersions(day: string): ReconciliationVersions {
  return {
    day,
    versions: ([1, 2] as const).map((v) => {
      const r = fixtureReport(day, v);
      return {
        version: v, status: r.status, builtAt: r.builtAt, checkedAt: r.checkedAt,
        kioskNet: r.totals.kiosk.net, stoklyNet: r.totals.stokly.net, variance: r.totals.variance, lines: r.lines.length,
      };
    }),
  };
}

/** The Takings view's requests answered in the page from the made-up day (version 2, with its variance). */
export async function mockTakings(page: Page): Promise<void> {
  await page.route(/\/api\/reconciliation\//, async (route) => {
    const url = new URL(route.request().url());
    const match = /^\/api\/reconciliation\/(\d{4}-\d{2}-\d{2})(\.csv|\/versions)?$/.exec(url.pathname);
    if (!match) return route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'no such day' } } });
    if (match[2] === '/versions') return route.fulfill({ json: fixtureVersions(match[1]!) });
    return route.fulfill({ json: fixtureReport(match[1]!, 2) });
  });
}
