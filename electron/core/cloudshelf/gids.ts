/**
 * Our external gids on Cloudshelf, derived from Stok.ly item ids so every push of the same item
 * names the same entity: Cloudshelf updates it instead of creating a duplicate.
 */

export function productGid(itemId: string): string {
  return `gid://external/StoklyProduct/${itemId}`;
}

export function variantGid(itemId: string): string {
  return `gid://external/StoklyVariant/${itemId}`;
}

export type LocationOwner = 'cloudshelf' | 'external';

/**
 * Who owns the configured location: a Cloudshelf gid (`gid://cloudshelf/Location/...`) names a
 * location made in Cloudshelf, an external gid one this agent may create. Null when neither.
 */
export function locationOwner(locationId: string): LocationOwner | null {
  const match = /^gid:\/\/(cloudshelf|external)\/[A-Za-z][A-Za-z0-9_]*\/\S+$/.exec(locationId);
  if (!match) return null;
  return match[1] === 'cloudshelf' ? 'cloudshelf' : 'external';
}
