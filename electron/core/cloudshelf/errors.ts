/** One error type per kind of Cloudshelf failure, carrying the operation and what Cloudshelf said. */

/** An HTTP answer other than 2xx, after any retries (e.g. 401 bad key, 400, or 503 five times). */
export class CloudshelfHttpError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly cloudshelfMessage: string,
    readonly attempts: number,
  ) {
    super(`Cloudshelf answered HTTP ${status} to ${operation} (after ${attempts} attempt${attempts === 1 ? '' : 's'}): ${cloudshelfMessage}`);
    this.name = 'CloudshelfHttpError';
  }
}

/** No HTTP answer at all (refused, reset, timed out), after every attempt. */
export class CloudshelfNetworkError extends Error {
  constructor(readonly operation: string, readonly detail: string, readonly attempts: number) {
    super(`Cloudshelf could not be reached for ${operation} (after ${attempts} attempt${attempts === 1 ? '' : 's'}): ${detail}`);
    this.name = 'CloudshelfNetworkError';
  }
}

/** GraphQL `errors[]`: the request itself was refused (invalid document, unsupported field, ...). */
export class CloudshelfGraphqlError extends Error {
  constructor(readonly operation: string, readonly messages: readonly string[]) {
    super(`Cloudshelf refused ${operation}: ${messages.join('; ')}`);
    this.name = 'CloudshelfGraphqlError';
  }
}

/** A 2xx answer whose body is not what the schema promises: never an `undefined` later. */
export class CloudshelfResponseError extends Error {
  constructor(readonly operation: string, readonly detail: string) {
    super(`Cloudshelf's answer to ${operation} was not understood: ${detail}`);
    this.name = 'CloudshelfResponseError';
  }
}

export type CloudshelfError = CloudshelfHttpError | CloudshelfNetworkError | CloudshelfGraphqlError | CloudshelfResponseError;

export function isCloudshelfError(err: unknown): err is CloudshelfError {
  return (
    err instanceof CloudshelfHttpError ||
    err instanceof CloudshelfNetworkError ||
    err instanceof CloudshelfGraphqlError ||
    err instanceof CloudshelfResponseError
  );
}
