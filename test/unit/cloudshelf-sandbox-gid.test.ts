import { describe, expect, it } from 'vitest';
import { cloudshelfGid, isExternalGid, parseGid } from '../../sim/cloudshelf/gid.js';

describe('Cloudshelf sandbox gids', () => {
  it('parses external and Cloudshelf gids', () => {
    expect(parseGid('gid://external/StoklyVariant/3f2a-11')).toEqual({ provider: 'external', namespace: 'StoklyVariant', localId: '3f2a-11' });
    expect(parseGid('gid://cloudshelf/Order/42')).toEqual({ provider: 'cloudshelf', namespace: 'Order', localId: '42' });
    expect(parseGid('gid://external/Sale/store-1/sale-9')?.localId).toBe('store-1/sale-9');
    expect(cloudshelfGid('Product', 7)).toBe('gid://cloudshelf/Product/7');
  });

  it.each([
    'not-a-gid',
    'gid://external/Product/',
    'gid://external//1',
    'gid://shopify/Product/1',
    'gid://external/1Product/1',
    'gid://external/Product/a b',
    `gid://external/Product/${'x'.repeat(600)}`,
  ])('rejects %s', (value) => {
    expect(parseGid(value)).toBeNull();
  });

  it('tells external gids from Cloudshelf ones', () => {
    expect(isExternalGid('gid://external/P/1')).toBe(true);
    expect(isExternalGid('gid://cloudshelf/Product/1')).toBe(false);
    expect(isExternalGid(42)).toBe(false);
  });
});
