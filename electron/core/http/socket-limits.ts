import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { scopedLogger } from '../logging/logger.js';

const logger = scopedLogger('sockets');

export interface SocketLimits {
  /** Headers and body must have fully arrived within this; else 408 and the connection closes. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection closes after this. */
  keepAliveTimeoutMs: number;
  /** Open connections one client address may hold; more are closed at once. */
  maxConnectionsPerAddress: number;
}

/** The configured limits (config `sockets`), in milliseconds. */
export function socketLimits(config: { sockets: { requestTimeoutSeconds: number; keepAliveTimeoutSeconds: number; maxConnectionsPerAddress: number } }): SocketLimits {
  return {
    requestTimeoutMs: config.sockets.requestTimeoutSeconds * 1000,
    keepAliveTimeoutMs: config.sockets.keepAliveTimeoutSeconds * 1000,
    maxConnectionsPerAddress: config.sockets.maxConnectionsPerAddress,
  };
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = { requestTimeoutMs: 30_000, keepAliveTimeoutMs: 60_000, maxConnectionsPerAddress: 64 };

/**
 * An HTTP server for Fastify's `serverFactory` with the limits of kiosk contract 1.1: Node
 * answers 408 itself when headersTimeout/requestTimeout pass, checked every second (its
 * default of 30 s would let a slow request live twice as long as promised).
 */
export function limitedServer(limits: SocketLimits): (handler: RequestListener<typeof IncomingMessage, typeof ServerResponse>) => Server {
  return (handler) => {
    const server = createServer({
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, limits.requestTimeoutMs),
    }, handler);
    server.keepAliveTimeout = limits.keepAliveTimeoutMs;
    const open = new Map<string, number>();
    let warned = 0;
    server.on('connection', (socket: Socket) => {
      const address = socket.remoteAddress ?? 'unknown';
      const count = (open.get(address) ?? 0) + 1;
      if (count > limits.maxConnectionsPerAddress) {
        // Once a minute at most: a flood must not become a flood of log lines.
        if (Date.now() - warned > 60_000) {
          warned = Date.now();
          logger.warn(`${address} holds ${limits.maxConnectionsPerAddress} connections already: further ones are closed`);
        }
        socket.destroy();
        return;
      }
      open.set(address, count);
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left <= 0) open.delete(address);
        else open.set(address, left);
      });
    });
    return server;
  };
}
