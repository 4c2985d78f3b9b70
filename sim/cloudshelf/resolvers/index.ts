import { GraphQLError } from 'graphql';
import type { ConnectionArgs } from '../pagination.js';
import type { ResolverContext } from './common.js';
import { locationQuery, locationsQuery, upsertLocations, type LocationInput, type LocationsQueryArgs } from './locations.js';
import { orderQuery, ordersQuery, upsertOrders, type OrderInput } from './orders.js';
import { productQuery, productsQuery, upsertProducts, type ProductInput, type ProductsQueryArgs } from './products.js';
import { upsertStockLevels, type StockLevelInput } from './stock-levels.js';
import { upsertProductVariants, type UpsertVariantsInput } from './variants.js';

function notSupported(field: string): never {
  throw new GraphQLError(`${field} is not supported by the sandbox`, { extensions: { code: 'NOT_SUPPORTED_BY_SANDBOX' } });
}

/**
 * The root value for graphql-js: one method per Query/Mutation field of the schema; graphql-js
 * calls each with (args, contextValue, info) and resolves nested fields from the returned views.
 */
export function createRootValue(ctx: ResolverContext) {
  const { views } = ctx;
  return {
    // Queries
    order: ({ id }: { id: string }) => orderQuery(ctx, id),
    orders: (args: ConnectionArgs) => ordersQuery(ctx, args),
    product: ({ id }: { id: string }) => productQuery(ctx, id),
    products: (args: ProductsQueryArgs) => productsQuery(ctx, args),
    location: ({ id }: { id: string }) => locationQuery(ctx, id),
    locations: (args: LocationsQueryArgs) => locationsQuery(ctx, args),

    // Mutations
    upsertProducts: ({ input }: { input: ProductInput[] }) => {
      const result = upsertProducts(ctx, input);
      return { products: result.products.map(views.product), userErrors: result.userErrors };
    },
    upsertProductVariants: ({ inputs }: { inputs: UpsertVariantsInput[] }) => {
      const result = upsertProductVariants(ctx, inputs);
      return { productVariants: result.productVariants.map(views.variant), userErrors: result.userErrors };
    },
    upsertLocations: ({ input }: { input: LocationInput[] }) => {
      const result = upsertLocations(ctx, input);
      return { locations: result.locations.map(views.location), userErrors: result.userErrors };
    },
    upsertStockLevels: ({ input }: { input: StockLevelInput[] }) => {
      const result = upsertStockLevels(ctx, input);
      return { stockLevels: result.stockLevels.map(views.stockLevel), userErrors: result.userErrors };
    },
    upsertOrders: ({ input }: { input: OrderInput[] }) => {
      const result = upsertOrders(ctx, input);
      return { orders: result.orders.map(views.order), userErrors: result.userErrors };
    },
    registerWebhook: () => notSupported('registerWebhook'),
    reportDeviceOnline: () => notSupported('reportDeviceOnline'),
  };
}
