import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../../shared/kiosk-api.js';
import { DomainError, type DomainErrorKind } from '../domain-errors.js';
import type { Logger } from '../logging/logger.js';

/** An error answer in the contract's shape: `{"error": {code, message, issues?}}`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues?: Array<{ path: string; message: string }>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** "/lines/0/quantity" → "lines.0.quantity". */
function dottedPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.') || '(body)';
}

/** The one place a domain error becomes an HTTP status. */
const statusOfKind: Record<DomainErrorKind, number> = {
  not_found: 404,
  invalid: 400,
  conflict: 409,
  unprocessable: 422,
  unavailable: 503,
};

function fromDomainError(err: DomainError): ApiError {
  const { issues, retryAfterSeconds } = err.extra;
  return new ApiError(statusOfKind[err.kind], err.code, err.message, issues,
    retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) });
}

/** Domain errors and Fastify's own errors mapped to the contract's codes, so every answer has one shape. */
export function toApiError(err: FastifyError | ApiError | Error): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof DomainError) return fromDomainError(err);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({ path: dottedPath(v.instancePath), message: v.message ?? 'invalid' }));
    return new ApiError(400, 'invalid_request', 'The request does not match the contract; see issues.', issues);
  }
  const code = (err as FastifyError).code;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'payload_too_large', 'The body is larger than 256 KiB; split the document.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'invalid_request', 'The body is empty; send a JSON document.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'invalid_json', `The body is not valid JSON: ${err.message}`);
    default:
      break;
  }
  const status = (err as FastifyError).statusCode;
  if (status === 400 && err instanceof SyntaxError) {
    return new ApiError(400, 'invalid_json', `The body is not valid JSON: ${err.message}`);
  }
  if (status && status >= 400 && status < 500) return new ApiError(status, 'bad_request', err.message);
  return new ApiError(500, 'internal_error', 'Something went wrong inside the agent; it is logged. Retry later.');
}

export function errorHandler(logger: Logger) {
  return (err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void => {
    const apiError = toApiError(err);
    if (apiError.statusCode >= 500) logger.error(`${request.method} ${request.url}: ${err.stack ?? err.message}`);
    for (const [k, v] of Object.entries(apiError.headers)) void reply.header(k, v);
    void reply.code(apiError.statusCode).send(apiError.body());
  };
}

/** Fastify's refusals before any route or hook runs (a malformed URL): the contract's error body too. */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const apiError = toApiError(err);
  void reply.code(apiError.statusCode).send(apiError.body());
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  void reply.code(404).send(new ApiError(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`).body());
}
