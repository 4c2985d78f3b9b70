import type { FastifyInstance } from 'fastify';
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
