import type { LocationRecord } from '../state.js';
import { paginate, type Connection, type ConnectionArgs } from '../pagination.js';
import { checkName, resolveUpsertTarget, userError, type UserError } from '../user-errors.js';
import type { LocationView } from '../views.js';
import { commit, metadataRecords, type MetadataInput, type ResolverContext } from './common.js';

export interface LocationInput {
  id?: string | null;
  displayName?: string | null;
  address?: string | null;
  countryCode?: string | null;
  fulfillsOnlineOrders?: boolean | null;
  metadata?: MetadataInput[] | null;
}

export interface LocationsQueryArgs extends ConnectionArgs {
  textSearch?: string | null;
  fulfillsOnlineOrders?: boolean | null;
}

/** When a location is created without them: an empty address and "ZZ" (the schema's Unknown Region). */
export const DEFAULT_ADDRESS = '';
export const DEFAULT_COUNTRY_CODE = 'ZZ';

// Cloudshelf publishes no batch limit for locations; the sandbox enforces none.
export function upsertLocations(ctx: ResolverContext, inputs: readonly LocationInput[]): { locations: LocationRecord[]; userErrors: UserError[] } {
  const locations: LocationRecord[] = [];
  const userErrors: UserError[] = [];
  inputs.forEach((input, index) => {
    const result = upsertOne(ctx, input, `input[${index}]`);
    if ('error' in result) userErrors.push(result.error);
    else locations.push(result.record);
  });
  return { locations, userErrors };
}

function upsertOne(ctx: ResolverContext, input: LocationInput, path: string): { record: LocationRecord } | { error: UserError } {
  const { state } = ctx;
  const target = resolveUpsertTarget(input.id, path, 'location', (id) => state.findLocation(id));
  if (target.kind === 'error') return { error: target.error };
  const prev = target.kind === 'update' ? target.record : undefined;

  const nameError = checkName(input.displayName, prev === undefined, `${path}.displayName`);
  if (nameError) return { error: nameError };
  if (input.countryCode === null) return { error: userError('ENTITY_INVALID_FIELD', `${path}.countryCode`, 'must not be null') };

  const at = ctx.now();
  const ids = prev ?? state.allocate('Location');
  const key = target.kind === 'update' ? target.record.platformProvidedId : target.key;
  const next: LocationRecord = {
    seq: ids.seq,
    id: ids.id,
    platformProvidedId: key,
    displayName: input.displayName ?? prev?.displayName ?? '',
    address: input.address ?? prev?.address ?? DEFAULT_ADDRESS,
    countryCode: input.countryCode ?? prev?.countryCode ?? DEFAULT_COUNTRY_CODE,
    fulfillsOnlineOrders: input.fulfillsOnlineOrders ?? prev?.fulfillsOnlineOrders ?? false,
    metadata: input.metadata ? metadataRecords(ctx, input.metadata, at) : prev?.metadata ?? [],
    createdAt: prev?.createdAt ?? at,
    updatedAt: prev?.updatedAt ?? at,
  };
  return { record: commit(state.locations, key, prev, next, at) };
}

export function locationsQuery(ctx: ResolverContext, args: LocationsQueryArgs): Connection<LocationView> {
  let locations = [...ctx.state.locations.values()];
  if (typeof args.fulfillsOnlineOrders === 'boolean') {
    locations = locations.filter((l) => l.fulfillsOnlineOrders === args.fulfillsOnlineOrders);
  }
  const search = args.textSearch?.trim().toLowerCase();
  if (search) {
    locations = locations.filter((l) => `${l.displayName}\n${l.address}`.toLowerCase().includes(search));
  }
  return paginate(locations, args, ctx.views.location);
}

export function locationQuery(ctx: ResolverContext, id: string): LocationView | null {
  const location = ctx.state.findLocation(id);
  return location ? ctx.views.location(location) : null;
}
