import { z } from 'zod';
import { openEventStream } from '../../http/event-stream.js';
import type { RouteModule } from '../../http/typed-app.js';
import type { EventHub, KioskEvent } from '../../kiosk/event-hub.js';
import { adminErrors } from '../responses.js';

/** A stock pull changes thousands of SKUs; the window needs to know once that figures moved. */
const CHANGED_EVERY_MS = 1_000;

/** Written straight to the socket (no serializer sees it); each frame is an `adminEventSchema` event. */
const response = { 200: z.string().describe('text/event-stream of adminEventSchema frames'), ...adminErrors };

/**
 * `GET /api/events`: server-sent events for the staff window. `online` when Stok.ly comes or
 * goes; `changed` (at most once a second) when stock moved, which is also when a sale or refund
 * was accepted. The window asks again for what it shows; the stream ending tells it the agent
 * has stopped.
 */
export function adminEventRoutes(hub: EventHub): RouteModule {
  return (app) => {
    app.get('/api/events', { schema: { response } }, async (request, reply) => {
      reply.hijack();
      const stream = openEventStream(request.raw, reply.raw);
      stream.send('hello', {});
      let changedTimer: NodeJS.Timeout | null = null;
      const onEvent = (e: KioskEvent): void => {
        if (e.event === 'status') {
          stream.send('online', e.data);
          return;
        }
        changedTimer ??= setTimeout(() => {
          changedTimer = null;
          stream.send('changed', {});
        }, CHANGED_EVERY_MS);
      };
      stream.onClose(hub.subscribe(onEvent));
      stream.onClose(hub.onClose(() => stream.end()));
      stream.onClose(() => {
        if (changedTimer) clearTimeout(changedTimer);
      });
    });
  };
}
