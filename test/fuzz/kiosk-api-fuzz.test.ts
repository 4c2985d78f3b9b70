import fc from 'fast-check';
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorBodySchema, refundSchema, saleSchema, type Sale } from '../../shared/kiosk-api.js';
import { kioskProducts } from '../../sim/kiosks/catalogue.js';
import { generateShop } from '../../sim/stokly/seed.js';
import { KIOSK_IDS, kioskToken, startHarness, type Harness } from '../support/harness.js';
import { requestPlanArb, type FuzzRequest, type FuzzWorld } from './kiosk-request-arbitraries.js';

/**
 * The kiosk API under fire: valid sales and refunds mutated field by field, arbitrary JSON and
 * bytes, odd headers, sizes, encodings, methods and paths. Whatever arrives: no 5xx but 503,
 * every refusal a JSON error of the contract, nothing stored for a refused request, every
 * stored row valid, and the agent still serving at the end.
 *
 * KIOSK_FUZZ_REQUESTS=20000 npx vitest run test/fuzz   for a longer run (CI: 2,000).
 */
const REQUESTS = Number(process.env.KIOSK_FUZZ_REQUESTS ?? 2_000);

let h: Harness;
let world: FuzzWorld;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
beforeAll(async () => {
  // No failed-auth or rate limit in the way: they have their own tests, and a fuzz run from one
  // address would otherwise spend most of its requests on 429.
  h = await startHarness({ config: { sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 }, sockets: { failedAuthPerMinute: 1_000_000 }, kioskApi: { requestsPerMinute: 1_000_000 } } });
  await h.agent.sync('catalog');
  world = { kioskIds: KIOSK_IDS, products: kioskProducts(generateShop({ itemCount: 60, seed: 7 }).items), acceptedSales: [] };
});
afterAll(async () => {
  agent.destroy();
  await h.stop();
});

interface Answer {
  status: number;
  contentType: string;
  retryAfter: string | undefined;
  text: string;
}

/** One raw request: headers and bytes exactly as planned, which fetch would not allow. */
function send(req: FuzzRequest): Promise<Answer> {
  const url = new URL(h.agent.kioskUrl);
  const headers: Record<string, string> = { ...req.extraHeaders };
  if (req.contentType !== null) headers['content-type'] = req.contentType;
  if (req.gzip) headers['content-encoding'] = 'gzip';
  if (typeof req.auth === 'number') headers.authorization = `Bearer ${kioskToken(KIOSK_IDS[req.auth % KIOSK_IDS.length]!)}`;
  else if (req.auth === 'wrong') headers.authorization = 'Bearer not-a-kiosk-token';
  else if (req.auth === 'malformed') headers.authorization = `Basic ${Buffer.from('kiosk-01:x').toString('base64')}`;
  if (req.body) headers['content-length'] = String(req.body.length);
  return new Promise((resolve, reject) => {
    const r = httpRequest({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        retryAfter: res.headers['retry-after'] as string | undefined,
        text: Buffer.concat(chunks).toString('utf8'),
      }));
      res.on('error', reject);
    });
    r.on('timeout', () => r.destroy(new Error('no answer within 20 s')));
    r.on('error', reject);
    r.end(req.body ?? undefined);
  });
}

const count = (table: 'sales' | 'refunds' | 'outbox'): number => (h.agent.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const storedPayload = (kind: 'sale' | 'refund', ref: string): string | undefined =>
  (h.agent.db.prepare('SELECT payload FROM outbox WHERE kind = ? AND ref = ?').get(kind, ref) as { payload: string } | undefined)?.payload;

it(`${REQUESTS} hostile requests: no 5xx but 503, JSON errors, nothing stored when refused, every stored row valid`, async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(requestPlanArb(), async (plan) => {
      const req = plan(world);
      const before = { sales: count('sales'), refunds: count('refunds'), outbox: count('outbox') };
      let answer: Answer;
      try {
        answer = await send(req);
      } catch (err) {
        // Above the body or header limit the agent may answer and close before reading it all.
        const headerBytes = Object.values(req.extraHeaders).reduce((n, v) => n + v.length, 0);
        if (((req.body?.length ?? 0) > 256 * 1024 || headerBytes > 16 * 1024) && /EPIPE|ECONNRESET/.test((err as Error).message)) return;
        throw new Error(`${req.what}: no answer: ${(err as Error).message}`, { cause: err });
      }
      const { status } = answer;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const where = `${req.method} ${req.path} ${req.what} → ${status} ${answer.text.slice(0, 300)}`;

      expect(status >= 500 && status !== 503, `a 5xx: ${where}`).toBe(false);
      if (status >= 400) {
        // The contract's error body, always (a HEAD is never sent: it has no body to check).
        expect(answer.contentType, where).toMatch(/^application\/json/);
        const parsed = errorBodySchema.safeParse(JSON.parse(answer.text));
        expect(parsed.success, `not the contract's error body: ${where}`).toBe(true);
        expect(parsed.data?.error.code, where).toMatch(/^[a-z][a-z0-9_]*$/);
        if (status === 503 || status === 429) expect(answer.retryAfter, `Retry-After on ${where}`).toBeDefined();
      }

      const after = { sales: count('sales'), refunds: count('refunds'), outbox: count('outbox') };
      const isDocument = req.method === 'POST' && (req.path === '/v1/sales' || req.path === '/v1/refunds');
      if (!(isDocument && status === 201)) {
        // Refused, a resend, or not a document at all: nothing new stored.
        expect(after, `stored by ${where}`).toEqual(before);
        return;
      }
      // Accepted: exactly one document stored, and what is stored is a valid document of this kiosk.
      const kind = req.path === '/v1/sales' ? 'sale' : 'refund';
      const receipt = JSON.parse(answer.text) as { saleId?: string; refundId?: string };
      const id = kind === 'sale' ? receipt.saleId! : receipt.refundId!;
      const payload = storedPayload(kind, id);
      expect(payload, `no outbox row for accepted ${kind} ${id}`).toBeDefined();
      const doc = (kind === 'sale' ? saleSchema : refundSchema).parse(JSON.parse(payload!));
      expect(doc.kioskId).toBe(KIOSK_IDS[(req.auth as number) % KIOSK_IDS.length]);
      expect(after.sales - before.sales, where).toBe(kind === 'sale' ? 1 : 0);
      expect(after.refunds - before.refunds, where).toBe(kind === 'refund' ? 1 : 0);
      expect(after.outbox - before.outbox, where).toBe(1);
      if (kind === 'sale') world.acceptedSales.push(doc as Sale);
    }),
    { numRuns: REQUESTS, endOnFailure: true },
  );

  // Still serving; every row in the database is a valid document with its sale or refund row.
  const health = await fetch(`${h.agent.kioskUrl}/health`);
  expect(health.status).toBe(200);
  const rows = h.agent.db.prepare('SELECT kind, ref, payload FROM outbox').all() as Array<{ kind: 'sale' | 'refund'; ref: string; payload: string }>;
  for (const row of rows) {
    const doc = (row.kind === 'sale' ? saleSchema : refundSchema).parse(JSON.parse(row.payload));
    expect(row.kind === 'sale' ? (doc as Sale).saleId : (doc as { refundId: string }).refundId).toBe(row.ref);
  }
  expect(rows.length).toBe(count('sales') + count('refunds'));
  expect(h.agent.db.pragma('integrity_check', { simple: true })).toBe('ok');

  // The run reached every kind of answer, not only the first refusal.
  const seen = [...statuses.keys()];
  console.log(`kiosk API fuzz: ${REQUESTS} requests, answers ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  for (const expected of [200, 201, 400, 401, 403, 404, 409, 413, 415, 431]) expect(seen, `no ${expected} among ${seen.join(', ')}`).toContain(expected);
  expect(world.acceptedSales.length).toBeGreaterThan(REQUESTS / 50);
}, 600_000);
