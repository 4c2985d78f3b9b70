import type { Clock } from '../clock.js';
import { scopedLogger } from '../logging/logger.js';
import type { CloudshelfClient } from './client.js';
import { locationOwner, type LocationOwner } from './gids.js';
import type { SyncIssuesRepo } from '../db/cloudshelf-sync-issues-repo.js';

const logger = scopedLogger('cloudshelf-push');

/** 'verified': already confirmed by this process; 'found' / 'created' this time; 'missing': stock is held back. */
export type LocationStatus = 'verified' | 'found' | 'created' | 'missing';

export class InvalidLocationIdError extends Error {
  constructor(readonly locationId: string) {
    super(
      `The Cloudshelf location id "${locationId}" is not a gid: use the id Cloudshelf shows for the store ` +
        '(gid://cloudshelf/Location/...) or an external one for the agent to create (gid://external/<Namespace>/<id>).',
    );
    this.name = 'InvalidLocationIdError';
  }
}

/**
 * Makes sure the configured location exists before stock levels name it. A Cloudshelf gid is a
 * location made in Cloudshelf (where the kiosks are registered): the agent only checks it, since
 * creating or renaming it is not ours to do. An external gid is ours: created when missing, left
 * alone when it exists (a name set in Cloudshelf is kept). Checked once per process, and again
 * after Cloudshelf says a stock level's location is unknown.
 */
export class LocationGuard {
  private readonly owner: LocationOwner;
  private verified = false;

  constructor(
    private readonly deps: {
      client: Pick<CloudshelfClient, 'location' | 'upsertLocations'>;
      issues: SyncIssuesRepo;
      clock: Clock;
      locationId: string;
      displayName: string;
    },
  ) {
    const owner = locationOwner(deps.locationId);
    if (!owner) throw new InvalidLocationIdError(deps.locationId);
    this.owner = owner;
  }

  invalidate(): void {
    this.verified = false;
  }

  async ensure(): Promise<LocationStatus> {
    if (this.verified) return 'verified';
    const { client, locationId } = this.deps;
    if (await client.location(locationId)) return this.ready('found');

    if (this.owner === 'cloudshelf') {
      this.report('ENTITY_NOT_FOUND', `Location ${locationId} does not exist in Cloudshelf; stock levels are held back until it does (check the configured Cloudshelf location id).`);
      return 'missing';
    }
    const outcome = await client.upsertLocations([{ id: locationId, displayName: this.deps.displayName }]);
    if (outcome.accepted.includes(locationId) && outcome.userErrors.length === 0) {
      logger.info(`created Cloudshelf location ${locationId} ("${this.deps.displayName}")`);
      return this.ready('created');
    }
    const errors = outcome.userErrors.length > 0 ? outcome.userErrors : [{ code: 'NOT_CONFIRMED', message: 'Cloudshelf neither confirmed it nor gave a reason' }];
    for (const e of errors) this.report(e.code, `upsertLocations refused location ${locationId}: ${e.message}`);
    return 'missing';
  }

  private ready(status: 'found' | 'created'): LocationStatus {
    this.verified = true;
    this.deps.issues.resolveEntity('location', this.deps.locationId, this.deps.clock.now());
    return status;
  }

  private report(code: string, message: string): void {
    logger.warn(message);
    this.deps.issues.report(
      { kind: 'cloudshelf_location', entityKind: 'location', entity: this.deps.locationId, sku: null, code, message },
      this.deps.clock.now(),
    );
  }
}
