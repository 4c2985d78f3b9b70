import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

/** `GET /v1/openapi.json` (contract 1.1): valid OpenAPI 3.1 that accepts the contract's own examples. */
let h: Harness;
let doc: { openapi: string; info: { version: string }; paths: Record<string, Record<string, OperationObject>> };
type OperationObject = { security?: unknown[]; requestBody?: { content: { 'application/json': { schema: object } } } };

/** The complete JSON documents in docs/kiosk-api.md (fragments such as `"delivery": {…}` are skipped). */
function contractExamples(): Array<Record<string, unknown>> {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'kiosk-api.md'), 'utf8');
  const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((b) => {
    try {
      return [JSON.parse(b) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

beforeAll(async () => {
  h = await startHarness();
  h.sandbox.setFaults({ outage: true });
  const res = await fetch(`${h.agent.kioskUrl}/v1/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as typeof doc;
});
afterAll(async () => h.stop());

describe('GET /v1/openapi.json', () => {
  it('needs no token and is a valid OpenAPI 3.1 document of contract version 1.1', async () => {
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe('1.1');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/sales', '/v1/refunds', '/v1/stock', '/v1/products', '/v1/events', '/health']));
    // Health and the document are open; everything else needs the kiosk's bearer token.
    expect(doc.paths['/health']!.get!.security).toEqual([]);
    expect(doc.paths['/v1/sales']!.post!.security).toBeUndefined();
  });

  it("accepts the contract's sale and refund examples and refuses what the agent refuses", async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const schemaOf = (path: string): object => doc.paths[path]!.post!.requestBody!.content['application/json'].schema;
    const sale = ajv.compile(schemaOf('/v1/sales'));
    const refund = ajv.compile(schemaOf('/v1/refunds'));
    const examples = contractExamples();
    const saleExample = examples.find((e) => 'saleId' in e && !('refundId' in e))!;
    const refundExample = examples.find((e) => 'refundId' in e)!;
    expect(sale(saleExample), JSON.stringify(sale.errors)).toBe(true);
    expect(refund(refundExample), JSON.stringify(refund.errors)).toBe(true);

    // The same schema the route validates with: a body the document refuses, the agent refuses too.
    const bad = { ...saleExample, kioskId: 'kiosk-01', lines: [{ sku: 'X', quantity: 0, unitPrice: 1, tax: 0 }] };
    expect(sale(bad)).toBe(false);
    const res = await h.kiosk('kiosk-01').post('/v1/sales', bad);
    expect(res.status).toBe(400);
    // …and the contract's example, sent by its kiosk, is accepted.
    const accepted = await h.kiosk('kiosk-01').post('/v1/sales', { ...saleExample, kioskId: 'kiosk-01' });
    expect(accepted.status).toBe(201);
  });
});
