import { parseGid } from './gid.js';

/** The subset of the schema's UserErrorCode that the sandbox reports. */
export type UserErrorCode =
  | 'ENTITY_CREATION_MISSING_FIELD'
  | 'ENTITY_INVALID_FIELD'
  | 'ENTITY_NOT_FOUND'
  | 'INVALID_ARGUMENT';

export interface UserError {
  code: UserErrorCode;
  message: string;
}

export function userError(code: UserErrorCode, path: string, message: string): UserError {
  return { code, message: `${path}: ${message}` };
}

/** Batch limits of Cloudshelf's own connector (cloudshelf.md). */
export const BATCH_LIMITS = {
  products: 1000,
  variants: 500,
  stockLevels: 1000,
} as const;

export function batchLimitError(operation: string, noun: string, limit: number, got: number): UserError {
  return {
    code: 'INVALID_ARGUMENT',
    message: `${operation} accepts at most ${limit} ${noun} per call, got ${got}; nothing was applied. Split the batch.`,
  };
}

/** Which record an upsert id refers to, or why it cannot be used. */
export type UpsertTarget<T> =
  | { kind: 'create'; key: string }
  | { kind: 'update'; record: T }
  | { kind: 'error'; error: UserError };

/**
 * Resolve the `id` of an upsert input: an existing entity (by its external or Cloudshelf gid) is
 * updated; an unknown external gid creates one. The sandbox requires an id: without one every
 * retry would create a duplicate, which an idempotent sync must never do.
 */
export function resolveUpsertTarget<T>(
  id: string | null | undefined,
  path: string,
  entity: string,
  find: (id: string) => T | undefined,
): UpsertTarget<T> {
  if (id === undefined || id === null) {
    return { kind: 'error', error: userError('ENTITY_CREATION_MISSING_FIELD', `${path}.id`, `an id (your own gid://external/<Namespace>/<id>) is required`) };
  }
  const gid = parseGid(id);
  if (!gid) {
    return { kind: 'error', error: userError('ENTITY_INVALID_FIELD', `${path}.id`, `"${id}" is not a valid GlobalId (expected gid://external/<Namespace>/<id>)`) };
  }
  const existing = find(id);
  if (existing) return { kind: 'update', record: existing };
  if (gid.provider === 'cloudshelf') {
    return { kind: 'error', error: userError('ENTITY_NOT_FOUND', `${path}.id`, `no ${entity} with id ${id}; pass your own external gid to create one`) };
  }
  return { kind: 'create', key: id };
}

/** Resolve a reference to an entity that must already exist (by external or Cloudshelf gid). */
export function resolveReference<T>(
  id: string,
  path: string,
  entity: string,
  find: (id: string) => T | undefined,
): { record: T } | { error: UserError } {
  if (!parseGid(id)) {
    return { error: userError('ENTITY_INVALID_FIELD', path, `"${id}" is not a valid GlobalId`) };
  }
  const record = find(id);
  if (!record) return { error: userError('ENTITY_NOT_FOUND', path, `no ${entity} with id ${id}`) };
  return { record };
}

/** A required non-empty string: missing on create, or blank. */
export function checkName(
  value: string | null | undefined,
  creating: boolean,
  path: string,
): UserError | null {
  if (value === undefined || (value === null && creating)) {
    return creating ? userError('ENTITY_CREATION_MISSING_FIELD', path, 'is required when creating') : null;
  }
  if (value === null || value.trim() === '') return userError('ENTITY_INVALID_FIELD', path, 'must not be empty');
  return null;
}

export function checkPrice(value: number | null | undefined, path: string): UserError | null {
  if (value === undefined) return null;
  if (value === null) return userError('ENTITY_INVALID_FIELD', path, 'must not be null');
  if (!Number.isFinite(value) || value < 0) return userError('ENTITY_INVALID_FIELD', path, `must be a price of 0 or more, got ${value}`);
  return null;
}

/** UTCDateTime input: the scalar passes any JSON through, so check it here. */
export function parseDateTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
