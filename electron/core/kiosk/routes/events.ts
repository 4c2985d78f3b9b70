import { z } from 'zod';
import type { KioskEvent } from '../../../../shared/kiosk-api.js';
import type { RouteModule } from '../../http/typed-app.js';
import type { EventHub } from '../event-hub.js';
import { kioskErrors } from '../responses.js';

const HEARTBEAT_MS = 15_000;

/** One server-sent event; each frame's data is a `kioskEventSchema` member's data. */
export function frame(e: KioskEvent): string {
  return `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;
}

/**
 * The stream itself is written straight to the socket (no serializer sees it), so its 200 is
 * declared as text; what each frame holds is `kioskEventSchema`, and `frame` takes only that.
 */
const response = { 200: z.string().describe('text/event-stream of kioskEventSchema frames'), ...kioskErrors };

/** `GET /v1/events`: server-sent events, so screens update without polling. */
export function eventRoutes(hub: EventHub, online: () => boolean): RouteModule {
  return (app) => {
    app.get('/v1/events', { schema: { response } }, async (request, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(frame({ event: 'status', data: { online: online() } }));
      const unsubscribe = hub.subscribe((e) => res.write(frame(e)));
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const stopClose = hub.onClose(() => res.end());
      const stopRevoked = request.kiosk ? hub.onKioskClose(request.kiosk.id, () => res.end()) : () => {};
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        stopClose();
        stopRevoked();
      });
    });
  };
}
