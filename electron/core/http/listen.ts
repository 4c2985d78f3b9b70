import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../config.js';

/**
 * Listens, turning "address in use" into a message naming the configuration key: the usual
 * cause is a second copy of the agent (the app and a service, or two services).
 */
export async function listenOn(server: FastifyInstance, key: string, host: string, port: number): Promise<void> {
  try {
    await server.listen({ host, port });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new ConfigError(
        `${key}: port ${port} on ${host} is already in use. Another copy of Shelfbridge may be running ` +
          '(the desktop app and a service, or two services): stop it, or set ' + `${key} to a free port.`,
        key,
      );
    }
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new ConfigError(`${key}: cannot listen on ${host}:${port} (${code}); choose a port above 1024 and an address of this machine.`, key);
    }
    throw err;
  }
}

/** Listens (as listenOn) and answers the URL to show: a wildcard bind is shown as 127.0.0.1. */
export async function listenAt(server: FastifyInstance, key: string, host: string, port: number): Promise<string> {
  await listenOn(server, key, host, port);
  const address = server.server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shownHost}:${address.port}`;
}
