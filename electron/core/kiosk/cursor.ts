import { DomainError } from '../domain-errors.js';

/** Opaque paging cursors: the last key of the page, base64url-encoded. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) throw new DomainError('invalid', 'invalid_request', 'cursor is not one this API gave out; start again without it.', { issues: [{ path: 'cursor', message: 'unknown cursor' }] });
  return key;
}
