import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same document always has the same text and hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A document's canonical text and its hash: what "identical body" means for resends. */
export function fingerprint(doc: unknown): { body: string; hash: string } {
  const body = canonicalJson(doc);
  return { body, hash: sha256Hex(body) };
}
