import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/kiosk-api.js';
import { startHarness, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { database: { busyTimeoutMs: 100 } } });
});
afterAll(async () => h.stop());

it('503 with Retry-After when the sale cannot be committed, then 201 on the kiosk\'s resend', async () => {
  const s = h.sales().make();
  // Another process holds the write lock (a backup tool, a stuck writer): the commit cannot happen.
  const other = new Database(join(h.dataDir, 'shelfbridge.db'));
  other.exec('BEGIN IMMEDIATE');
  const refused = await h.kiosk().postSale(s);
  expect(refused.status).toBe(503);
  expect(errorBodySchema.parse(refused.body).error.code).toBe('unavailable');
  expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  other.exec('ROLLBACK');
  other.close();
  expect(dbQueries(h.agent.db).sale(s.saleId)).toBeUndefined();
  const accepted = await h.kiosk().postSale(s);
  expect(accepted.status).toBe(201);
});
