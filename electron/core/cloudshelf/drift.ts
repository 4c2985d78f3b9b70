import type { CloudshelfClient } from './client.js';
import type { ProductInput, ProductVariantInput } from './inputs.js';
import type { RemoteProduct, RemoteVariant } from './schemas.js';

/**
 * Stok.ly always wins: what Cloudshelf holds is compared, field by field, with what the agent
 * last had accepted. Only the fields we own are compared; Cloudshelf's own (images, tags,
 * isInStock, which stock levels decide) are its business.
 */

export type DriftValue = string | number | boolean | null;

export interface DriftEntry {
  entityKind: 'product' | 'variant';
  externalId: string;
  sku: string | null;
  /** The field that differs, or 'exists' when Cloudshelf no longer has the entity. */
  field: string;
  cloudshelfValue: DriftValue;
  stoklyValue: DriftValue;
}

export interface RemoteCatalogue {
  products: Map<string, RemoteProduct>;
  variants: Map<string, RemoteVariant>;
}

const VARIANT_FIELDS = ['sku', 'barcode', 'displayName', 'currentPrice', 'availableToPurchase'] as const;

export function compareVariant(remote: RemoteVariant, pushed: ProductVariantInput): DriftEntry[] {
  return VARIANT_FIELDS.filter((field) => remote[field] !== pushed[field]).map((field) => ({
    entityKind: 'variant',
    externalId: pushed.id,
    sku: pushed.sku,
    field,
    cloudshelfValue: remote[field],
    stoklyValue: pushed[field],
  }));
}

export function compareProduct(remote: RemoteProduct, pushed: ProductInput): DriftEntry[] {
  if (remote.displayName === pushed.displayName) return [];
  return [{ entityKind: 'product', externalId: pushed.id, sku: null, field: 'displayName', cloudshelfValue: remote.displayName, stoklyValue: pushed.displayName }];
}

/** Every product and variant on Cloudshelf that carries an external gid, keyed by it. */
export async function readRemoteCatalogue(client: Pick<CloudshelfClient, 'productsPage'>, pageSize: number): Promise<RemoteCatalogue> {
  const remote: RemoteCatalogue = { products: new Map(), variants: new Map() };
  const seen = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const page = await client.productsPage(pageSize, after);
    for (const product of page.products) {
      if (product.platformProvidedId) remote.products.set(product.platformProvidedId, product);
      for (const variant of product.productVariants) {
        if (variant.platformProvidedId) remote.variants.set(variant.platformProvidedId, variant);
      }
    }
    // A missing or repeated cursor would page forever: stop instead.
    if (!page.hasNextPage || page.endCursor === null || seen.has(page.endCursor)) return remote;
    seen.add(page.endCursor);
    after = page.endCursor;
  }
}

export interface DriftFindings {
  entries: DriftEntry[];
  /** Entities compared and found equal (their open drift issues can be settled). */
  matching: { entityKind: 'product' | 'variant'; externalId: string }[];
}

export function findDrift(
  remote: RemoteCatalogue,
  pushedProducts: ReadonlyMap<string, ProductInput>,
  pushedVariants: ReadonlyMap<string, ProductVariantInput>,
): DriftFindings {
  const findings: DriftFindings = { entries: [], matching: [] };
  const check = (entityKind: 'product' | 'variant', externalId: string, sku: string | null, entries: DriftEntry[] | null): void => {
    const found = entries ?? [{ entityKind, externalId, sku, field: 'exists', cloudshelfValue: false, stoklyValue: true }];
    if (found.length === 0) findings.matching.push({ entityKind, externalId });
    else findings.entries.push(...found);
  };
  for (const [id, pushed] of pushedProducts) {
    const product = remote.products.get(id);
    check('product', id, null, product ? compareProduct(product, pushed) : null);
  }
  for (const [id, pushed] of pushedVariants) {
    const variant = remote.variants.get(id);
    check('variant', id, pushed.sku, variant ? compareVariant(variant, pushed) : null);
  }
  return findings;
}

export function describeDrift(entry: DriftEntry): string {
  const who = entry.sku === null ? `${entry.entityKind} ${entry.externalId}` : `SKU ${entry.sku}`;
  if (entry.field === 'exists') return `${who}: missing from Cloudshelf; the next push recreates it.`;
  const show = (v: DriftValue): string => JSON.stringify(v);
  return `${who}: ${entry.field} is ${show(entry.cloudshelfValue)} in Cloudshelf but ${show(entry.stoklyValue)} in Stok.ly; the next push puts Stok.ly's value back.`;
}
