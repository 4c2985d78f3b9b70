import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorBodySchema, healthSchema } from '../../shared/kiosk-api.js';
import { lockDatabase } from '../support/db-locker.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { database: { busyTimeoutMs: 500 } } });
});
afterAll(async () => h.stop());

const health = async () => healthSchema.parse(await (await fetch(`${h.agent.kioskUrl}/health`)).json());
const ordersFor = (saleId: string) => [...h.sandbox.state.saleOrders.values()].filter((o) => o.sourceReferenceId === `store-001/${saleId}`).length;

it('another process holding the write lock for 15 s: 503, /health down, no crash, recovery by itself, nothing lost', async () => {
  const before = h.sales().make();
  expect((await h.kiosk().postSale(before)).status).toBe(201);

  const lock = await lockDatabase(join(h.dataDir, 'shelfbridge.db'), 15_000);
  const during = h.sales().make();
  const refused = await h.kiosk().postSale(during);
  expect(refused.status).toBe(503);
  expect(errorBodySchema.parse(refused.body).error.code).toBe('unavailable');
  expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  const down = await health();
  expect(down.status).toBe('down');
  expect(down.reasons.join(' ')).toMatch(/locked/);

  // The outbox poll keeps running into the lock on its timer while the lock is held; the agent survives it.
  await lock.released;
  // Nobody posts: the agent's own probe notices the lock is gone.
  await waitFor(async () => (await health()).status !== 'down', 20_000, '/health no longer down');

  const resent = await h.kiosk().postSale(during);
  expect(resent.status).toBe(201);
  await waitFor(() => ordersFor(before.saleId) >= 1 && ordersFor(during.saleId) >= 1, 20_000, 'both sales in Stok.ly');
  // Exactly once: a send whose record the lock refused is looked up, never posted again.
  expect([ordersFor(before.saleId), ordersFor(during.saleId)]).toEqual([1, 1]);
  expect(h.agent.status().counts.exception).toBe(0);

  const check = new Database(join(h.dataDir, 'shelfbridge.db'), { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();
}, 60_000);
