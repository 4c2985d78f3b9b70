import type { IncomingMessage, ServerResponse } from 'node:http';

const HEARTBEAT_MS = 15_000;

export interface EventStream {
  /** One frame: `event: <name>` and its data as JSON. */
  send(event: string, data: unknown): void;
  /** Ends the stream from our side (the agent stopping, a kiosk revoked). */
  end(): void;
  /** Released when the stream closes, whoever closed it: subscriptions, timers. */
  onClose(release: () => void): void;
}

/**
 * A server-sent-event stream on a hijacked reply, for both APIs: the headers, frames, a comment
 * every 15 s so proxies and readers see a live socket, and one place where what the stream holds
 * is released when it closes. The caller has called `reply.hijack()`: no serializer sees this.
 */
export function openEventStream(request: IncomingMessage, res: ServerResponse, options: { heartbeatMs?: number } = {}): EventStream {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    // nginx and similar buffer responses unless told not to; a buffered event arrives late.
    'x-accel-buffering': 'no',
  });
  const releases: Array<() => void> = [];
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  request.on('close', () => {
    clearInterval(heartbeat);
    for (const release of releases.splice(0)) release();
  });
  return {
    send: (event, data) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end: () => res.end(),
    onClose: (release) => {
      releases.push(release);
    },
  };
}
