import { z } from 'zod';
import type { KioskEvent } from '../../../../shared/kiosk-api.js';
import { openEventStream } from '../../http/event-stream.js';
import type { RouteModule } from '../../http/typed-app.js';
import type { EventHub } from '../event-hub.js';
import { kioskErrors } from '../responses.js';

/**
 * The stream itself is written straight to the socket (no serializer sees it), so its 200 is
 * declared as text; each frame is a `kioskEventSchema` member, and only such events are sent.
 */
const response = { 200: z.string().describe('text/event-stream of kioskEventSchema frames'), ...kioskErrors };

/** `GET /v1/events`: server-sent events, so screens update without polling. */
export function eventRoutes(hub: EventHub, online: () => boolean): RouteModule {
  return (app) => {
    app.get('/v1/events', { schema: { response } }, async (request, reply) => {
      reply.hijack();
      const stream = openEventStream(request.raw, reply.raw);
      const send = (e: KioskEvent): void => stream.send(e.event, e.data);
      send({ event: 'status', data: { online: online() } });
      stream.onClose(hub.subscribe(send));
      stream.onClose(hub.onClose(() => stream.end()));
      if (request.kiosk) stream.onClose(hub.onKioskClose(request.kiosk.id, () => stream.end()));
    });
  };
}
