import type { RouteModule } from '../../http/typed-app.js';
import type { EventHub, KioskEvent } from '../event-hub.js';

const HEARTBEAT_MS = 15_000;

function frame(e: KioskEvent): string {
  return `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;
}

/** `GET /v1/events`: server-sent events, so screens update without polling. */
export function eventRoutes(hub: EventHub, online: () => boolean): RouteModule {
  return (app) => {
    app.get('/v1/events', async (request, reply) => {
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
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        stopClose();
      });
    });
  };
}
