/**
 * Errors the domain throws when a request cannot be carried out. They say what went wrong in
 * domain terms; the HTTP layer (http/api-error.ts) alone turns them into status codes.
 */
export type DomainErrorKind =
  /** The thing asked about does not exist. */
  | 'not_found'
  /** The request is malformed in a way the schema could not see (an unknown cursor). */
  | 'invalid'
  /** The thing exists but its state does not allow this (a resolved exception, a done row). */
  | 'conflict'
  /** The request is well formed but names something that does not exist elsewhere (an unknown Stok.ly item). */
  | 'unprocessable'
  /** It cannot be done now but may work later (storage failing): the caller keeps it and retries. */
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** A stable machine-readable code, e.g. `not_open`, `unknown_item`. */
    readonly code: string,
    message: string,
    readonly extra: { issues?: Array<{ path: string; message: string }>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
