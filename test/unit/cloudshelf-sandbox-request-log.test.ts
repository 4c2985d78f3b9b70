import { describe, expect, it } from 'vitest';
import { describeRequest } from '../../sim/cloudshelf/request-log.js';

describe('Cloudshelf sandbox request log', () => {
  it('names the root fields a request asked for, through fragments', () => {
    const query = `
      mutation Push($a: [StockLevelInput!]!) { upsertStockLevels(input: $a) { userErrors { code } } ...More }
      fragment More on Mutation { upsertProducts(input: []) { userErrors { code } } }
    `;
    expect(describeRequest({ query })).toEqual({ operationNames: ['upsertStockLevels', 'upsertProducts'], operationName: 'Push' });
  });

  it('picks the operation named by operationName', () => {
    const query = 'query A { orders { totalCount } } query B { product(id: "x") { id } }';
    expect(describeRequest({ query, operationName: 'B' })).toEqual({ operationNames: ['product'], operationName: 'B' });
  });

  it('copes with bodies that are not GraphQL', () => {
    expect(describeRequest(undefined)).toEqual({ operationNames: [], operationName: null });
    expect(describeRequest({ query: '{ broken' })).toEqual({ operationNames: [], operationName: null });
  });
});
