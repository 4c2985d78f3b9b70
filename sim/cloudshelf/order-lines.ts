import type { CloudshelfState, KeyValue, OrderLineRecord } from './state.js';
import { isExternalGid } from './gid.js';

export interface OrderLineSource {
  productVariantId: string;
  quantity: number;
  price: number;
  currencyCode: string;
  customAttributes: KeyValue[];
  /** Used only when the sandbox does not know the variant. */
  productId?: string | undefined;
  productName?: string | undefined;
  productVariantName?: string | undefined;
}

/**
 * An order line as Cloudshelf reports it: for a variant it knows, `productVariantId`/`productId`
 * are its own ids and the caller's external gids are in `platformProvided*`; names are copied
 * from the catalogue at the time of sale.
 */
export function buildOrderLine(state: CloudshelfState, source: OrderLineSource, at: number): OrderLineRecord {
  const variant = state.findVariant(source.productVariantId);
  const product = variant ? state.products.get(variant.productId) : undefined;
  const base = {
    id: state.newId('OrderLine'),
    quantity: source.quantity,
    price: source.price,
    currencyCode: source.currencyCode,
    customAttributes: source.customAttributes.map(({ key, value }) => ({ key, value })),
    createdAt: at,
    updatedAt: at,
  };
  if (variant && product) {
    return {
      ...base,
      productVariantId: variant.id,
      productId: product.id,
      productName: product.displayName,
      productVariantName: variant.displayName ?? '',
      platformProvidedProductVariantId: variant.platformProvidedId,
      platformProvidedProductId: product.platformProvidedId,
    };
  }
  return {
    ...base,
    productVariantId: source.productVariantId,
    productId: source.productId ?? '',
    productName: source.productName ?? '',
    productVariantName: source.productVariantName ?? '',
    platformProvidedProductVariantId: isExternalGid(source.productVariantId) ? source.productVariantId : null,
    platformProvidedProductId: source.productId !== undefined && isExternalGid(source.productId) ? source.productId : null,
  };
}
