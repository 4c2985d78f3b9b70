/**
 * Cloudshelf global ids. Callers pass their own external gids (`gid://external/<Namespace>/<id>`);
 * Cloudshelf gives every entity an internal one as well (`gid://cloudshelf/<Type>/<id>`).
 */

export type GidProvider = 'external' | 'cloudshelf';

export interface ParsedGid {
  provider: GidProvider;
  namespace: string;
  localId: string;
}

export const MAX_GID_LENGTH = 512;

// The namespace is the caller's own (ShopifyProduct, StoklyVariant, ...); the id part is any run
// of non-whitespace characters, slashes included (Cloudshelf does not publish a stricter rule).
const GID_PATTERN = /^gid:\/\/(external|cloudshelf)\/([A-Za-z][A-Za-z0-9_]*)\/(\S+)$/;

export function parseGid(value: unknown): ParsedGid | null {
  if (typeof value !== 'string' || value.length > MAX_GID_LENGTH) return null;
  const match = GID_PATTERN.exec(value);
  if (!match) return null;
  const [, provider, namespace, localId] = match;
  if (provider === undefined || namespace === undefined || localId === undefined) return null;
  return { provider: provider === 'cloudshelf' ? 'cloudshelf' : 'external', namespace, localId };
}

export function isExternalGid(value: unknown): value is string {
  return parseGid(value)?.provider === 'external';
}

export function cloudshelfGid(type: string, localId: string | number): string {
  return `gid://cloudshelf/${type}/${localId}`;
}
