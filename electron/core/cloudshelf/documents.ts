/**
 * The GraphQL documents the agent sends. Selections are kept to what the push and the drift
 * check read back; a unit test validates them against the schema excerpt.
 */

const USER_ERRORS = 'userErrors { code message }';

export const UPSERT_LOCATIONS = /* GraphQL */ `
  mutation ShelfbridgeUpsertLocations($input: [LocationInput!]!) {
    upsertLocations(input: $input) { locations { id platformProvidedId } ${USER_ERRORS} }
  }
`;

export const UPSERT_PRODUCTS = /* GraphQL */ `
  mutation ShelfbridgeUpsertProducts($input: [ProductInput!]!) {
    upsertProducts(input: $input) { products { id platformProvidedId } ${USER_ERRORS} }
  }
`;

export const UPSERT_PRODUCT_VARIANTS = /* GraphQL */ `
  mutation ShelfbridgeUpsertProductVariants($inputs: [UpsertVariantsInput!]!) {
    upsertProductVariants(inputs: $inputs) { productVariants { id platformProvidedId } ${USER_ERRORS} }
  }
`;

export const UPSERT_STOCK_LEVELS = /* GraphQL */ `
  mutation ShelfbridgeUpsertStockLevels($input: [StockLevelInput!]!) {
    upsertStockLevels(input: $input) {
      stockLevels { id location { id platformProvidedId } productVariant { id platformProvidedId } }
      ${USER_ERRORS}
    }
  }
`;

export const LOCATION = /* GraphQL */ `
  query ShelfbridgeLocation($id: GlobalId!) {
    location(id: $id) { id platformProvidedId displayName }
  }
`;

export const PRODUCTS_PAGE = /* GraphQL */ `
  query ShelfbridgeProducts($first: Int, $after: String) {
    products(first: $first, after: $after, sortBy: { createdAt: ASC }) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id platformProvidedId displayName
          productVariants { id platformProvidedId sku barcode displayName currentPrice availableToPurchase }
        }
      }
    }
  }
`;
