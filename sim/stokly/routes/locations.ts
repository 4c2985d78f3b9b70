import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { notFound } from '../errors.js';
import { listEnvelope, parseListQuery, identity } from '../list-query.js';
import type { Location } from '../types.js';

type LocationParams = { Params: { locationId: string } };
type ChannelParams = { Params: { channelId: string } };

/** Bins are not embedded in a location: they have their own route. */
const locationView = ({ locationId, name, status }: Location) => ({ locationId, name, status });

export function registerLocationRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;
  const requireLocation = (locationId: string): Location => {
    const location = state.locations.get(locationId);
    if (!location) throw notFound(`Location ${locationId} not found`);
    return location;
  };

  app.get('/v0/locations', async (request) =>
    listEnvelope(state.locations.values(), parseListQuery(request.query), 'locationId', locationView));

  app.get<LocationParams>('/v0/locations/:locationId', async (request) =>
    ({ data: locationView(requireLocation(request.params.locationId)) }));

  app.get<LocationParams>('/v0/locations/:locationId/bins', async (request) => {
    const query = parseListQuery(request.query);
    const location = requireLocation(request.params.locationId);
    const bins = location.bins.map((bin) => ({ ...bin, locationId: location.locationId }));
    return listEnvelope(bins, query, 'binId', identity);
  });

  app.get('/v0/channels', async (request) =>
    listEnvelope(state.channels.values(), parseListQuery(request.query), 'channelId', identity));

  app.get<ChannelParams>('/v0/channels/:channelId', async (request) => {
    const channel = state.channels.get(request.params.channelId);
    if (!channel) throw notFound(`Channel ${request.params.channelId} not found`);
    return { data: channel };
  });
}
