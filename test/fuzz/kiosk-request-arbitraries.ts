import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import type { Refund, Sale } from '../../shared/kiosk-api.js';
import type { KioskProduct } from '../../sim/kiosks/catalogue.js';
import { SaleFactory } from '../../sim/kiosks/sale-factory.js';
import { createPrng } from '../../sim/stokly/prng.js';

/**
 * Hostile kiosk requests for the fuzz test: valid sales and refunds mutated one field at a
 * time, arbitrary JSON and bytes, odd headers, sizes and encodings, odd methods and paths.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface FuzzRequest {
  method: string;
  path: string;
  /** Which kiosk's token is sent (index into the kiosks), 'wrong', or 'none'. */
  auth: number | 'wrong' | 'none' | 'malformed';
  contentType: string | null;
  extraHeaders: Record<string, string>;
  body: Buffer | null;
  /** Content-Encoding: gzip with a gzipped body. */
  gzip: boolean;
  /** How the request was made, for the failure message. */
  what: string;
}

export interface FuzzWorld {
  kioskIds: readonly string[];
  products: readonly KioskProduct[];
  /** Sales the agent answered 201, for refunds, resends and conflicting resends. */
  acceptedSales: Sale[];
}

/** Values that break things: bounds ± 1, overflow, wrong types, control and bidi characters, long text. */
const nastyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    -1, 0, 1, 1.5, 0.1, -0.5, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 100_000, 100_001,
    1_000_000_000, 1_000_000_001, '', ' ', '0', '1', 'NaN', 'null', 'TOTE\r\nX-Injected: 1', 'a\u0000b', 'x\u0085y',
    '\u202Eevil', 'a\u2066b', '\uFEFF', '\uD800', 'Zoë 👋 محمد', 'x'.repeat(129), 'x'.repeat(321), 'x'.repeat(5_000),
    '2026-11-26T10:15:00', '2026-11-26T10:15:00+00:00', '2026-13-45T99:99:99Z', 'gbp', 'XXX', 'EUR', 'card', 'cash', 'CARD',
    'store', 'ship', 'kiosk-01', 'kiosk-02', '../../etc/passwd', "'; DROP TABLE sales; --", true, false, null, [], {},
    { __proto__: 1 }, { constructor: { prototype: { polluted: true } } },
  ),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

/** Every path (as keys) to a value inside a JSON document, the root excluded. */
function pathsOf(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

type Mutation =
  | { op: 'set'; at: number; value: Json }
  | { op: 'delete'; at: number }
  | { op: 'add'; at: number; key: string; value: Json }
  | { op: 'duplicate'; at: number }
  | { op: 'none' };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: nastyValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'saleId', 'extra')), value: nastyValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'none' as const }) },
);

/** One mutation applied to a deep copy: a field set to a nasty value, removed, added, or an array element doubled. */
function mutate(doc: Json, m: Mutation): Json {
  const copy = JSON.parse(JSON.stringify(doc)) as Json;
  if (m.op === 'none') return copy;
  const paths = pathsOf(copy);
  if (m.op === 'add') {
    const containers: Array<Array<string | number>> = [[], ...paths.filter((p) => isObject(get(copy, p)))];
    const target = get(copy, containers[m.at % containers.length]!) as Record<string, Json>;
    Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  if (m.op === 'duplicate') {
    const arrays = paths.filter((p) => Array.isArray(get(copy, p)));
    if (arrays.length === 0) return copy;
    const arr = get(copy, arrays[m.at % arrays.length]!) as Json[];
    if (arr.length) arr.push(JSON.parse(JSON.stringify(arr[0])) as Json);
    return copy;
  }
  if (paths.length === 0) return copy;
  const path = paths[m.at % paths.length]!;
  const parent = get(copy, path.slice(0, -1));
  const key = path.at(-1)!;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (m.op === 'delete') parent.splice(key, 1);
    else parent[key] = m.value;
  } else if (isObject(parent)) {
    if (m.op === 'delete') delete parent[String(key)];
    else Object.defineProperty(parent, String(key), { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
function get(doc: Json, path: ReadonlyArray<string | number>): Json | undefined {
  let cur: Json | undefined = doc;
  for (const k of path) {
    if (Array.isArray(cur) && typeof k === 'number') cur = cur[k];
    else if (isObject(cur)) cur = cur[String(k)];
    else return undefined;
  }
  return cur;
}

/** A valid sale from a seed: the same seed, the same sale (replayable counterexamples). */
function validSale(world: FuzzWorld, seed: number, kiosk: number, options: { customer: boolean; ship: boolean }): Sale {
  const prng = createPrng(seed);
  const kioskId = world.kioskIds[kiosk % world.kioskIds.length]!;
  const factory = new SaleFactory(kioskId, world.products, prng.next, `fz-${seed.toString(36)}-${Date.now().toString(36)}`);
  const sale = factory.make({ ship: options.ship });
  return options.customer ? { ...sale, customer: { name: 'Zoë Buyer', email: 'zoe@example.com' } } : sale;
}

/** A refund of an accepted sale (its first line, within what was sold), or of an unknown sale. */
function validRefund(world: FuzzWorld, pick: number, seed: number, kiosk: number, units: number): Refund {
  const kioskId = world.kioskIds[kiosk % world.kioskIds.length]!;
  const sale = world.acceptedSales.length ? world.acceptedSales[pick % world.acceptedSales.length]! : null;
  const line = sale?.lines[0] ?? { sku: world.products[0]!.sku, unitPrice: 500, quantity: 1, discount: 0 };
  const quantity = Math.max(1, Math.min(units, line.quantity));
  const amount = Math.max(0, line.unitPrice * quantity - line.discount);
  return {
    refundId: `rf-${seed.toString(36)}-${Date.now().toString(36)}`, saleId: sale?.saleId ?? `never-sold-${seed}`, kioskId,
    occurredAt: new Date().toISOString(), currency: 'GBP',
    lines: [{ sku: line.sku, quantity, amount, restock: seed % 2 === 0 }], payments: [{ tender: 'card', amount }],
  };
}

type Encoding = 'utf8' | 'bom' | 'utf16le' | 'latin1' | 'broken-utf8' | 'truncated' | 'gzip';
const encodingArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Encoding>('utf8') },
  { weight: 1, arbitrary: fc.constantFrom<Encoding>('bom', 'utf16le', 'latin1', 'broken-utf8', 'truncated', 'gzip') },
);

function encode(text: string, encoding: Encoding, at: number): { body: Buffer; gzip: boolean } {
  switch (encoding) {
    case 'utf8': return { body: Buffer.from(text, 'utf8'), gzip: false };
    case 'bom': return { body: Buffer.from(`\uFEFF${text}`, 'utf8'), gzip: false };
    case 'utf16le': return { body: Buffer.from(text, 'utf16le'), gzip: false };
    case 'latin1': return { body: Buffer.from(text.replace(/"[^"]*"/, '"Zoë Café"'), 'latin1'), gzip: false };
    case 'broken-utf8': {
      const bytes = Buffer.from(text, 'utf8');
      const i = at % (bytes.length + 1);
      return { body: Buffer.concat([bytes.subarray(0, i), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), bytes.subarray(i)]), gzip: false };
    }
    case 'truncated': {
      const bytes = Buffer.from(text, 'utf8');
      return { body: bytes.subarray(0, at % Math.max(1, bytes.length)), gzip: false };
    }
    case 'gzip': return { body: gzipSync(Buffer.from(text, 'utf8')), gzip: true };
  }
}

const headerNameArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,24}$/)
  .filter((n) => !['host', 'content-length', 'transfer-encoding', 'connection', 'authorization', 'content-type', 'content-encoding', 'expect', 'upgrade', 'te', 'trailer', 'keep-alive'].includes(n));
/** Header values as a client can send them (visible ASCII and spaces), up to 70 KB. */
const headerValueArb = fc.oneof(
  { weight: 40, arbitrary: fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,80}$/) },
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 4_096 }).map((n) => 'v'.repeat(n)) },
  // Past Node's 16 KiB of headers: 431, in the contract's shape too.
  { weight: 1, arbitrary: fc.integer({ min: 8_192, max: 70_000 }).map((n) => 'h'.repeat(n)) },
);
const extraHeadersArb = fc.dictionary(headerNameArb, headerValueArb, { maxKeys: 4 });

const contentTypeArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | null>('application/json') },
  { weight: 1, arbitrary: fc.constantFrom<string | null>(
    'application/json; charset=utf-8', 'application/json; charset=utf-16', 'APPLICATION/JSON', 'application/json;charset=latin1',
    'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'application/xml',
    '*/*', '', null,
  ) },
);

const authArb = fc.oneof(
  { weight: 14, arbitrary: fc.constant<FuzzRequest['auth']>(0) },
  { weight: 1, arbitrary: fc.constantFrom<FuzzRequest['auth']>(1, 'wrong', 'none', 'malformed') },
);

const documentPath = (kind: 'sale' | 'refund'): string => (kind === 'sale' ? '/v1/sales' : '/v1/refunds');

interface Envelope {
  contentType: string | null;
  extraHeaders: Record<string, string>;
  auth: FuzzRequest['auth'];
  encoding: Encoding;
  at: number;
}
const envelopeArb: fc.Arbitrary<Envelope> = fc.record({ contentType: contentTypeArb, extraHeaders: extraHeadersArb, auth: authArb, encoding: encodingArb, at: fc.nat() });

function request(method: string, path: string, text: string | null, env: Envelope, what: string): FuzzRequest {
  const encoded = text === null ? null : encode(text, env.encoding, env.at);
  return {
    method, path, auth: env.auth, contentType: env.contentType, extraHeaders: env.extraHeaders,
    body: encoded?.body ?? null, gzip: encoded?.gzip ?? false, what: `${what} (${env.encoding}, auth ${env.auth}, ${env.contentType ?? 'no content-type'})`,
  };
}

/** A request made from the world as it is when it runs (resends need sales already accepted). */
export type RequestPlan = (world: FuzzWorld) => FuzzRequest;

export function requestPlanArb(): fc.Arbitrary<RequestPlan> {
  const seedArb = fc.integer({ min: 1, max: 2 ** 31 - 1 });
  const mutatedSale = fc.record({ seed: seedArb, kiosk: fc.nat(3), customer: fc.boolean(), ship: fc.boolean(), m: mutationArb, env: envelopeArb })
    .map(({ seed, kiosk, customer, ship, m, env }): RequestPlan => (world) => {
      const doc = mutate(validSale(world, seed, kiosk, { customer, ship }) as unknown as Json, m);
      return request('POST', '/v1/sales', JSON.stringify(doc), env, `sale mutated ${JSON.stringify(m).slice(0, 160)}`);
    });
  const mutatedRefund = fc.record({ pick: fc.nat(), seed: seedArb, kiosk: fc.nat(3), units: fc.integer({ min: 1, max: 3 }), m: mutationArb, env: envelopeArb })
    .map(({ pick, seed, kiosk, units, m, env }): RequestPlan => (world) => {
      const doc = mutate(validRefund(world, pick, seed, kiosk, units) as unknown as Json, m);
      return request('POST', '/v1/refunds', JSON.stringify(doc), env, `refund mutated ${JSON.stringify(m).slice(0, 160)}`);
    });
  // A kiosk resending what it was answered for (200), or a changed document under the same id (409).
  const resend = fc.record({ pick: fc.nat(), m: mutationArb, env: envelopeArb })
    .map(({ pick, m, env }): RequestPlan => (world) => {
      const sale = world.acceptedSales.length ? world.acceptedSales[pick % world.acceptedSales.length]! : validSale(world, pick + 1, 0, { customer: false, ship: false });
      return request('POST', '/v1/sales', JSON.stringify(mutate(sale as unknown as Json, m)), env, `resend mutated ${JSON.stringify(m).slice(0, 160)}`);
    });
  const arbitraryJson = fc.record({ kind: fc.constantFrom<'sale' | 'refund'>('sale', 'refund'), doc: fc.jsonValue({ maxDepth: 4 }), env: envelopeArb })
    .map(({ kind, doc, env }): RequestPlan => () => request('POST', documentPath(kind), JSON.stringify(doc) ?? 'null', env, 'arbitrary JSON'));
  const arbitraryBytes = fc.record({ kind: fc.constantFrom<'sale' | 'refund'>('sale', 'refund'), bytes: fc.uint8Array({ maxLength: 2_000 }), env: envelopeArb })
    .map(({ kind, bytes, env }): RequestPlan => () => ({ ...request('POST', documentPath(kind), null, env, 'arbitrary bytes'), body: Buffer.from(bytes) }));
  // Around the 256 KiB body limit: a customer name padded to the size (400 below the limit, 413 above).
  const sized = fc.record({ seed: seedArb, size: fc.constantFrom(1_000, 200_000, 262_000, 262_144, 262_200, 300_000, 1_000_000), env: envelopeArb })
    .map(({ seed, size, env }): RequestPlan => (world) => {
      const sale = validSale(world, seed, 0, { customer: false, ship: false });
      const doc = { ...sale, customer: { name: 'n'.repeat(size) } };
      return request('POST', '/v1/sales', JSON.stringify(doc), { ...env, encoding: 'utf8' }, `sale of ${size} bytes`);
    });
  // Other methods and paths (never the event stream, which does not end).
  const odd = fc.record({
    method: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST'),
    path: fc.oneof(
      fc.constantFrom('/v1/sales', '/v1/refunds', '/v1/stock', '/v1/products', '/health', '/v1/openapi.json', '/', '/v1', '/v1/sales/', '/V1/SALES',
        '/v1/sales?saleId=1', '/v1/../admin', '/%00', '/v1/sales%2f..', '/v1/stock?cursor=%ff', '/v1/stock?limit=-1', '/v1/products?cursor=zzz', '/api/status'),
      fc.stringMatching(/^\/[a-zA-Z0-9._~%/?=&-]{0,60}$/).filter((p) => !p.startsWith('/v1/events')),
    ),
    doc: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
    env: envelopeArb,
  }).map(({ method, path, doc, env }): RequestPlan => () => request(method, path, doc === undefined ? null : JSON.stringify(doc) ?? 'null', env, `${method} ${path}`));

  return fc.oneof(
    { weight: 8, arbitrary: mutatedSale },
    { weight: 3, arbitrary: mutatedRefund },
    { weight: 2, arbitrary: resend },
    { weight: 2, arbitrary: arbitraryJson },
    { weight: 1, arbitrary: arbitraryBytes },
    { weight: 1, arbitrary: sized },
    { weight: 2, arbitrary: odd },
  );
}
