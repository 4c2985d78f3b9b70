import { z } from 'zod';
import type { RouteModule } from '../../http/typed-app.js';
import type { EventHub, KioskEvent } from '../../kiosk/event-hub.js';
import { adminErrors } from '../responses.js';

const HEARTBEAT_MS = 15_000;
/** A stock pull changes thousands of SKUs; the window needs to know once that figures moved. */
const CHANGED_EVERY_MS = 1_000;

/**
 * `GET /api/events`: server-sent events for the staff window. `online` when Stok.ly comes or
 * goes; `changed` (at most once a second) when stock moved, which is also when a sale or refund
 * was accepted. The window asks again for what it shows; the stream ending tells it the agent
 * has stopped.
 */
/** Written straight to the socket (no serializer sees it); each frame is an `adminEventSchema` event. */
const response = { 200: z.string().describe('text/event-stream of adminEventSchema frames'), ...adminErrors };

export function adminEventRoutes(hub: EventHub): RouteModule {
  return (app) => {
    app.get('/api/events', { schema: { response } }, async (request, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      res.write('event: hello\ndata: {}\n\n');
      let changedTimer: NodeJS.Timeout | null = null;
      const onEvent = (e: KioskEvent): void => {
        if (e.event === 'status') {
          res.write(`event: online\ndata: ${JSON.stringify(e.data)}\n\n`);
          return;
        }
        changedTimer ??= setTimeout(() => {
          changedTimer = null;
          res.write('event: changed\ndata: {}\n\n');
        }, CHANGED_EVERY_MS);
      };
      const unsubscribe = hub.subscribe(onEvent);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const stopClose = hub.onClose(() => res.end());
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        if (changedTimer) clearTimeout(changedTimer);
        unsubscribe();
        stopClose();
      });
    });
  };
}
