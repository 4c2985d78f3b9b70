import { z } from 'zod';
import { userErrorSchema } from './schemas.js';

/** Orders read newest-updated first, and the write-back of Stok.ly's reference. */
export const ORDERS_PAGE = /* GraphQL */ `
  query ShelfbridgeOrders($first: Int, $after: String, $sortBy: SortOptionsInput) {
    orders(first: $first, after: $after, sortBy: $sortBy) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        id status thirdPartyId createdAt updatedAt
        lines { platformProvidedProductVariantId productVariantId productVariantName quantity price currencyCode }
      } }
    }
  }
`;

export const UPSERT_ORDERS = /* GraphQL */ `
  mutation ShelfbridgeUpsertOrders($input: [OrderInput!]!) {
    upsertOrders(input: $input) { orders { id thirdPartyId } userErrors { code message } }
  }
`;

export const orderStatusSchema = z.enum(['DRAFT_BASKET', 'PLACED', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED']);

export const cloudshelfOrderSchema = z.object({
  id: z.string(),
  status: orderStatusSchema,
  thirdPartyId: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lines: z.array(z.object({
    platformProvidedProductVariantId: z.string().nullish(),
    productVariantId: z.string(),
    productVariantName: z.string().nullish(),
    quantity: z.number().int(),
    price: z.number(),
    currencyCode: z.string(),
  })),
});
export type CloudshelfOrder = z.infer<typeof cloudshelfOrderSchema>;

export const ordersPageData = z.object({
  orders: z.object({
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }),
    edges: z.array(z.object({ node: cloudshelfOrderSchema })),
  }),
});

export const upsertOrdersData = z.object({
  upsertOrders: z.object({ orders: z.array(z.object({ id: z.string(), thirdPartyId: z.string().nullish() })), userErrors: z.array(userErrorSchema) }),
});
