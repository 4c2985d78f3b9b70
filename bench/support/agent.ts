import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type Config, type ConfigInput } from '../../electron/core/config.js';
import { sha256Hex } from '../../electron/core/kiosk/auth.js';

export interface BenchKiosk {
  id: string;
  token: string;
}

/** kiosk-01 … kiosk-NN, each with its own token (the agent checks the token against the sale's kioskId). */
export function benchKiosks(count: number): BenchKiosk[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `kiosk-${String(i + 1).padStart(2, '0')}`;
    return { id, token: `bench-token-${id}` };
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `shelfbridge-bench-${prefix}-`));
}

/** A TCP port on 127.0.0.1 that nothing listens on: connecting fails at once with ECONNREFUSED. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  return address.port;
}

export interface BenchConfigOptions {
  dataDir: string;
  stoklyBaseUrl: string;
  kiosks: readonly BenchKiosk[];
  accountKey?: string;
  clientId?: string;
  maxRequestsPerMinute?: number;
  concurrency?: number;
}

/**
 * The agent's production defaults (outbox, pacing, timeouts, log level) except what a benchmark
 * has to change: ephemeral ports, a temp data dir, the kiosks, and the per-kiosk request cap
 * (600/min by default, which a kiosk posting flat out would hit within seconds).
 */
export function benchConfig(o: BenchConfigOptions): Config {
  const input: ConfigInput = {
    storeId: 'store-001',
    dataDir: o.dataDir,
    stokly: {
      baseUrl: o.stoklyBaseUrl,
      accountKey: o.accountKey ?? 'bench',
      clientId: o.clientId ?? 'bench-client',
      locationId: 'LOC-STORE-001',
      channelId: 'CH-KIOSK',
      ...(o.maxRequestsPerMinute === undefined ? {} : { maxRequestsPerMinute: o.maxRequestsPerMinute }),
    },
    kioskApi: {
      host: '127.0.0.1',
      port: 0,
      kiosks: o.kiosks.map((k) => ({ id: k.id, tokenSha256: sha256Hex(k.token) })),
      requestsPerMinute: 1_000_000,
    },
    adminApi: { host: '127.0.0.1', port: 0, token: 'bench-admin-token-0123456789' },
    tenders: { card: 4, cash: 1 },
    ...(o.concurrency === undefined ? {} : { outbox: { concurrency: o.concurrency } }),
  };
  return parseConfig(input, 'bench configuration');
}
