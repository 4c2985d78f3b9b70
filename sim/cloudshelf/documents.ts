/**
 * Example GraphQL documents for the operations the sandbox serves, valid against the schema
 * excerpt (a unit test checks them). Clients may select fewer or more fields.
 */

const USER_ERRORS = 'userErrors { code message }';

export const UPSERT_LOCATIONS = /* GraphQL */ `
  mutation UpsertLocations($input: [LocationInput!]!) {
    upsertLocations(input: $input) {
      locations { id platformProvidedId displayName address countryCode updatedAt }
      ${USER_ERRORS}
    }
  }
`;

export const UPSERT_PRODUCTS = /* GraphQL */ `
  mutation UpsertProducts($input: [ProductInput!]!) {
    upsertProducts(input: $input) {
      products { id platformProvidedId displayName handle description vendor tags updatedAt }
      ${USER_ERRORS}
    }
  }
`;

export const UPSERT_PRODUCT_VARIANTS = /* GraphQL */ `
  mutation UpsertProductVariants($inputs: [UpsertVariantsInput!]!) {
    upsertProductVariants(inputs: $inputs) {
      productVariants { id platformProvidedId sku barcode displayName currentPrice originalPrice isInStock availableToPurchase updatedAt }
      ${USER_ERRORS}
    }
  }
`;

export const UPSERT_STOCK_LEVELS = /* GraphQL */ `
  mutation UpsertStockLevels($input: [StockLevelInput!]!) {
    upsertStockLevels(input: $input) {
      stockLevels { id isInStock location { platformProvidedId } productVariant { platformProvidedId isInStock } }
      ${USER_ERRORS}
    }
  }
`;

export const UPSERT_ORDERS = /* GraphQL */ `
  mutation UpsertOrders($input: [OrderInput!]!) {
    upsertOrders(input: $input) {
      orders { id status thirdPartyId updatedAt }
      ${USER_ERRORS}
    }
  }
`;

const ORDER_FIELDS = `
  id status thirdPartyId discountCode createdAt updatedAt
  session { id }
  lines {
    id productVariantId platformProvidedProductVariantId productId platformProvidedProductId
    productName productVariantName quantity price currencyCode
    customAttributes { key value }
  }
`;

export const ORDERS = /* GraphQL */ `
  query Orders($first: Int, $after: String, $sortBy: SortOptionsInput) {
    orders(first: $first, after: $after, sortBy: $sortBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { ${ORDER_FIELDS} } }
    }
  }
`;

export const ORDER = /* GraphQL */ `
  query Order($id: GlobalId!) {
    order(id: $id) { ${ORDER_FIELDS} }
  }
`;

const VARIANT_FIELDS = `
  id platformProvidedId sku barcode displayName currentPrice originalPrice
  isInStock availableToPurchase inventoryPolicy position updatedAt
  stockLevels { isInStock location { platformProvidedId } }
`;

export const PRODUCT = /* GraphQL */ `
  query Product($id: GlobalId!) {
    product(id: $id) {
      id platformProvidedId displayName handle description vendor productType tags createdAt updatedAt
      productVariants { ${VARIANT_FIELDS} }
    }
  }
`;

export const PRODUCTS = /* GraphQL */ `
  query Products($first: Int, $after: String, $sortBy: SortOptionsInput, $textSearch: String) {
    products(first: $first, after: $after, sortBy: $sortBy, textSearch: $textSearch) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id platformProvidedId displayName productVariants { ${VARIANT_FIELDS} } } }
    }
  }
`;

export const LOCATION = /* GraphQL */ `
  query Location($id: GlobalId!) {
    location(id: $id) {
      id platformProvidedId displayName address countryCode fulfillsOnlineOrders
      stockLevels { isInStock productVariant { platformProvidedId } }
    }
  }
`;

export const LOCATIONS = /* GraphQL */ `
  query Locations($first: Int, $after: String) {
    locations(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id platformProvidedId displayName } }
    }
  }
`;
