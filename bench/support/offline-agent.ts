import { rmSync } from 'node:fs';
import { startAgent, type Agent } from '../../electron/core/index.js';
import { silenceLogging } from '../../electron/core/logging/logger.js';
import { StoklySandbox } from '../../sim/stokly/sandbox.js';
import type { ShopSeed } from '../../sim/stokly/seed.js';
import { benchConfig, closedPort, tempDir, type BenchKiosk } from './agent.js';

/**
 * How Stok.ly is unreachable while kiosks sell:
 * - `outage`: the agent starts against the Stok.ly sandbox, pulls the catalogue and stock as a
 *   running store would have, then the sandbox drops every connection (its outage fault).
 * - `closed`: stokly.baseUrl is a closed local port from the start (ECONNREFUSED): no
 *   catalogue, no stock, as on the first day of a store whose line is down.
 * Either way the runner keeps claiming new rows and recording failed attempts, as in a real outage.
 */
export type OfflineMode = 'outage' | 'closed';

export interface OfflineAgent {
  agent: Agent;
  stop(): Promise<void>;
}

export async function startOfflineAgent(
  mode: OfflineMode, kiosks: readonly BenchKiosk[], seed: ShopSeed, options: { log: 'info' | 'off' },
): Promise<OfflineAgent> {
  const dataDir = tempDir('ingest');
  let sandbox: StoklySandbox | null = null;
  let agent: Agent;
  if (mode === 'outage') {
    sandbox = await StoklySandbox.start({ rateLimit: null, seed });
    const config = benchConfig({
      dataDir, stoklyBaseUrl: sandbox.url, kiosks, accountKey: sandbox.credentials.accountKey, clientId: sandbox.credentials.clientId,
    });
    agent = await startAgent(config, { stoklySecretKey: sandbox.credentials.secretKey }, { logConsole: false });
    await agent.sync('catalog');
    await agent.sync('stock');
    const sync = agent.status().sync;
    if (sync.catalog.lastSuccessAt === null || sync.stock.lastSuccessAt === null) {
      throw new Error(`the agent did not pull from the sandbox: ${JSON.stringify(sync)}`);
    }
    sandbox.setFaults({ outage: true });
  } else {
    const port = await closedPort();
    agent = await startAgent(benchConfig({ dataDir, stoklyBaseUrl: `http://127.0.0.1:${port}`, kiosks }), { stoklySecretKey: 'bench-secret' }, { logConsole: false });
  }
  if (options.log === 'off') silenceLogging();
  const started = agent;
  return {
    agent: started,
    stop: async () => {
      await started.stop();
      await sandbox?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
