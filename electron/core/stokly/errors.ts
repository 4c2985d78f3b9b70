/** One error type per kind of Stok.ly failure, carrying what a person needs to act. */

export type StoklyFailureKind = 'permanent' | 'transient' | 'rate_limited' | 'auth';

export class StoklyHttpError extends Error {
  readonly kind: StoklyFailureKind;
  constructor(
    readonly status: number,
    readonly stoklyMessage: string,
    readonly method: string,
    readonly path: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(`Stok.ly answered ${status} to ${method} ${path}: ${stoklyMessage}`);
    this.name = 'StoklyHttpError';
    this.kind = classifyStatus(status);
  }
}

/** ASSUMED (reference: exact status codes are not published): 400/404/409/422 are final. */
export function classifyStatus(status: number): StoklyFailureKind {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status === 400 || status === 404 || status === 409 || status === 422) return 'permanent';
  return 'transient';
}

/** No HTTP answer. `maybeDelivered` is false only when the request surely never left. */
export class StoklyNetworkError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly detail: string,
    readonly maybeDelivered: boolean,
  ) {
    super(`Stok.ly could not be reached for ${method} ${path}: ${detail}`);
    this.name = 'StoklyNetworkError';
  }
}

/** A 2xx answer whose body is not what the adapter expects: never an `undefined` later. */
export class StoklyResponseError extends Error {
  constructor(readonly method: string, readonly path: string, readonly detail: string) {
    super(`Stok.ly's answer to ${method} ${path} was not understood: ${detail}`);
    this.name = 'StoklyResponseError';
  }
}
