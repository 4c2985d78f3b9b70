import type { UpsertOutcome } from './client.js';
import type { Change } from './plan.js';
import type { PushedKind, PushStateRepo } from '../db/cloudshelf-push-state-repo.js';
import type { SyncIssuesRepo } from '../db/cloudshelf-sync-issues-repo.js';
import { userErrorTarget, type UserErrorTarget } from './user-error-targets.js';

export interface SettleInput<T> {
  kind: PushedKind;
  operation: string;
  batch: readonly Change<T>[];
  outcome: UpsertOutcome;
  /** The changes a userErrors path names (empty when it names nothing of this call). */
  targetsOf: (target: UserErrorTarget) => readonly Change<T>[];
  state: PushStateRepo;
  issues: SyncIssuesRepo;
  at: number;
}

export interface Settled {
  accepted: number;
  rejected: number;
  /** Fields named by the userErrors (e.g. `locationId`), so the caller can react. */
  fieldsInError: Set<string>;
}

function describe(kind: PushedKind, change: Change<unknown>): string {
  const label = kind === 'stock_level' ? 'stock level of' : kind;
  return `${label} ${change.externalId}${change.sku === null ? '' : ` (SKU ${change.sku})`}`;
}

/**
 * Records what Cloudshelf did with one call: a hash for each entity it confirmed without an
 * error (settling that entity's open issues), and a sync issue for every userErrors entry, tied
 * to the entities its path names or else to the operation. Run inside a transaction.
 */
export function settleBatch<T>(input: SettleInput<T>): Settled {
  const { kind, operation, batch, outcome, state, issues, at } = input;
  const errorsOf = new Map<string, { code: string; message: string }[]>();
  const unattributed: { code: string; message: string }[] = [];
  const fieldsInError = new Set<string>();

  for (const error of outcome.userErrors) {
    const target = userErrorTarget(error.message);
    if (target?.field) fieldsInError.add(target.field);
    const targets = target ? input.targetsOf(target) : [];
    if (targets.length === 0) unattributed.push(error);
    for (const change of targets) errorsOf.set(change.externalId, [...(errorsOf.get(change.externalId) ?? []), error]);
  }

  const confirmed = new Set(outcome.accepted);
  let accepted = 0;
  for (const change of batch) {
    const errors = errorsOf.get(change.externalId);
    if (confirmed.has(change.externalId) && !errors) {
      state.record({ kind, externalId: change.externalId, hash: change.hash, payload: JSON.stringify(change.payload), pushedAt: at });
      issues.resolveEntity(kind, change.externalId, at);
      accepted += 1;
      continue;
    }
    // A silent omission must reach a person too; with an unattributed error it is covered below.
    const reasons = errors ?? (unattributed.length === 0 ? [{ code: 'NOT_CONFIRMED', message: 'Cloudshelf neither confirmed it nor gave a reason' }] : []);
    for (const reason of reasons) {
      issues.report({
        kind: 'cloudshelf_rejected',
        entityKind: kind,
        entity: change.externalId,
        sku: change.sku,
        code: reason.code,
        message: `${operation} refused ${describe(kind, change)}: ${reason.message}`,
      }, at);
    }
  }

  for (const error of unattributed) {
    issues.report({
      kind: 'cloudshelf_rejected',
      entityKind: 'operation',
      entity: operation,
      sku: null,
      code: error.code,
      message: `${operation} (${batch.length} ${kind.replace('_', ' ')}s sent): ${error.message}`,
    }, at);
  }
  if (outcome.userErrors.length === 0) issues.resolveEntity('operation', operation, at);

  return { accepted, rejected: batch.length - accepted, fieldsInError };
}
