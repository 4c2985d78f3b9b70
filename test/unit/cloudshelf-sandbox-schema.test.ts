import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as documents from '../../sim/cloudshelf/documents.js';
import { cloudshelfSchema, enumValues, schemaPath } from '../../sim/cloudshelf/schema.js';

const reference = fileURLToPath(new URL('../../../shared/reference/cloudshelf-ingest-schema.graphql', import.meta.url));

describe('Cloudshelf sandbox schema', () => {
  it.skipIf(!existsSync(reference))('is an unchanged copy of the reference schema excerpt', () => {
    expect(readFileSync(schemaPath(), 'utf8')).toBe(readFileSync(reference, 'utf8'));
  });

  it('builds and has the operations the sandbox serves', () => {
    const schema = cloudshelfSchema();
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    const queries = Object.keys(schema.getQueryType()?.getFields() ?? {});
    expect(mutations).toEqual(expect.arrayContaining(['upsertProducts', 'upsertProductVariants', 'upsertStockLevels', 'upsertLocations', 'upsertOrders']));
    expect(queries).toEqual(expect.arrayContaining(['order', 'orders', 'product', 'products', 'location', 'locations']));
    expect(enumValues('OrderStatus')).toEqual(new Set(['DRAFT_BASKET', 'PAID', 'PARTIALLY_REFUNDED', 'PLACED', 'REFUNDED', 'VOIDED']));
    expect(enumValues('CurrencyCode').has('GBP')).toBe(true);
  });

  it.each(Object.entries(documents))('example document %s is valid against the schema', (_name, source) => {
    expect(validate(cloudshelfSchema(), parse(source)).map((e) => e.message)).toEqual([]);
  });
});
