import { describe, expect, it } from 'vitest';
import { compareVariant, describeDrift, findDrift, readRemoteCatalogue, type RemoteCatalogue } from '../../electron/core/cloudshelf/drift.js';
import type { ProductVariantInput } from '../../electron/core/cloudshelf/inputs.js';
import type { RemoteProduct, RemoteVariant } from '../../electron/core/cloudshelf/schemas.js';

const pushed: ProductVariantInput = {
  id: 'gid://external/StoklyVariant/1', sku: 'MUG', barcode: '501', displayName: 'Mug', currentPrice: 12.5, originalPrice: 12.5,
  isInStock: true, availableToPurchase: true, inventoryPolicy: 'DENY',
};

const remoteVariant = (over: Partial<RemoteVariant> = {}): RemoteVariant => ({
  id: 'gid://cloudshelf/ProductVariant/9', platformProvidedId: pushed.id, sku: 'MUG', barcode: '501', displayName: 'Mug',
  currentPrice: 12.5, availableToPurchase: true, ...over,
});

const remoteProduct = (variants: RemoteVariant[], over: Partial<RemoteProduct> = {}): RemoteProduct => ({
  id: 'gid://cloudshelf/Product/8', platformProvidedId: 'gid://external/StoklyProduct/1', displayName: 'Mug', productVariants: variants, ...over,
});

describe('drift', () => {
  it('finds nothing when Cloudshelf holds what was pushed, whatever it says about stock', () => {
    expect(compareVariant(remoteVariant(), pushed)).toEqual([]);
  });

  it('reports every owned field that differs with both values', () => {
    const entries = compareVariant(remoteVariant({ sku: 'MUG-X', barcode: null, displayName: 'Cheap', currentPrice: 1, availableToPurchase: false }), pushed);
    expect(entries.map((e) => [e.field, e.cloudshelfValue, e.stoklyValue])).toEqual([
      ['sku', 'MUG-X', 'MUG'],
      ['barcode', null, '501'],
      ['displayName', 'Cheap', 'Mug'],
      ['currentPrice', 1, 12.5],
      ['availableToPurchase', false, true],
    ]);
    expect(entries.every((e) => e.sku === 'MUG' && e.externalId === pushed.id)).toBe(true);
  });

  it('reports a product name changed and an entity deleted in Cloudshelf; ignores entities that are not ours', () => {
    const remote: RemoteCatalogue = {
      products: new Map([['gid://external/StoklyProduct/1', remoteProduct([], { displayName: 'Renamed' })]]),
      variants: new Map([['gid://external/Other/1', remoteVariant({ platformProvidedId: 'gid://external/Other/1' })]]),
    };
    const findings = findDrift(
      remote,
      new Map([['gid://external/StoklyProduct/1', { id: 'gid://external/StoklyProduct/1', displayName: 'Mug' }]]),
      new Map([[pushed.id, pushed]]),
    );
    expect(findings.entries.map((e) => [e.entityKind, e.field, e.cloudshelfValue, e.stoklyValue])).toEqual([
      ['product', 'displayName', 'Renamed', 'Mug'],
      ['variant', 'exists', false, true],
    ]);
    expect(findings.matching).toEqual([]);
  });

  it('lists the entities that match, so old drift issues can be settled', () => {
    const remote: RemoteCatalogue = { products: new Map(), variants: new Map([[pushed.id, remoteVariant()]]) };
    expect(findDrift(remote, new Map(), new Map([[pushed.id, pushed]])).matching).toEqual([{ entityKind: 'variant', externalId: pushed.id }]);
  });

  it('says which SKU, which field, and both values', () => {
    expect(describeDrift({ entityKind: 'variant', externalId: pushed.id, sku: 'MUG', field: 'currentPrice', cloudshelfValue: 1, stoklyValue: 12.5 }))
      .toBe("SKU MUG: currentPrice is 1 in Cloudshelf but 12.5 in Stok.ly; the next push puts Stok.ly's value back.");
  });

  it('pages through every product with first/after and stops on a repeated cursor', async () => {
    const calls: (string | null)[] = [];
    const pages = [
      { products: [remoteProduct([remoteVariant()])], endCursor: 'a', hasNextPage: true },
      { products: [remoteProduct([], { platformProvidedId: 'gid://external/StoklyProduct/2' })], endCursor: 'b', hasNextPage: true },
      { products: [], endCursor: 'b', hasNextPage: true },
    ];
    const remote = await readRemoteCatalogue({
      productsPage: async (first, after) => {
        expect(first).toBe(2);
        calls.push(after);
        return pages[calls.length - 1] ?? { products: [], endCursor: null, hasNextPage: false };
      },
    }, 2);
    expect(calls).toEqual([null, 'a', 'b']);
    expect([...remote.products.keys()]).toEqual(['gid://external/StoklyProduct/1', 'gid://external/StoklyProduct/2']);
    expect([...remote.variants.keys()]).toEqual([pushed.id]);
  });
});
