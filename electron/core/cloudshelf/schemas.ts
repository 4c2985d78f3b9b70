import { z } from 'zod';

/** zod schemas for every Cloudshelf answer the agent reads (see documents.ts for the selections). */

export const graphqlErrorSchema = z.object({ message: z.string() }).loose();

/** The GraphQL-over-HTTP envelope; `data` is checked separately once `errors` are ruled out. */
export const envelopeSchema = z.object({
  data: z.unknown().optional(),
  errors: z.array(graphqlErrorSchema).optional(),
});

// A string, not the enum: a code Cloudshelf adds later must still reach a person, not fail parsing.
export const userErrorSchema = z.object({ code: z.string(), message: z.string() });
export type CloudshelfUserError = z.infer<typeof userErrorSchema>;

const gid = z.string().min(1);
const entityRef = z.object({ id: gid, platformProvidedId: gid.nullable() });

export const upsertLocationsData = z.object({
  upsertLocations: z.object({ locations: z.array(entityRef), userErrors: z.array(userErrorSchema) }),
});

export const upsertProductsData = z.object({
  upsertProducts: z.object({ products: z.array(entityRef), userErrors: z.array(userErrorSchema) }),
});

export const upsertProductVariantsData = z.object({
  upsertProductVariants: z.object({ productVariants: z.array(entityRef), userErrors: z.array(userErrorSchema) }),
});

export const upsertStockLevelsData = z.object({
  upsertStockLevels: z.object({
    stockLevels: z.array(z.object({ id: gid, location: entityRef, productVariant: entityRef })),
    userErrors: z.array(userErrorSchema),
  }),
});

export const locationData = z.object({
  location: z.object({ id: gid, platformProvidedId: gid.nullable(), displayName: z.string() }).nullable(),
});

export const remoteVariantSchema = z.object({
  id: gid,
  platformProvidedId: gid.nullable(),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
  displayName: z.string().nullable(),
  currentPrice: z.number(),
  availableToPurchase: z.boolean(),
});
export type RemoteVariant = z.infer<typeof remoteVariantSchema>;

export const remoteProductSchema = z.object({
  id: gid,
  platformProvidedId: gid.nullable(),
  displayName: z.string(),
  productVariants: z.array(remoteVariantSchema),
});
export type RemoteProduct = z.infer<typeof remoteProductSchema>;

export const productsPageData = z.object({
  products: z.object({
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }).nullable(),
    edges: z.array(z.object({ node: remoteProductSchema.nullable() })).nullable(),
  }),
});
