import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startAgent, type Agent } from '../../electron/core/index.js';
import { silenceLogging } from '../../electron/core/logging/logger.js';
import { kioskProducts } from '../../sim/kiosks/catalogue.js';
import { KioskClient } from '../../sim/kiosks/kiosk-client.js';
import { SaleFactory } from '../../sim/kiosks/sale-factory.js';
import { StoklySandbox } from '../../sim/stokly/sandbox.js';
import { generateShop } from '../../sim/stokly/seed.js';
import { KIOSK_IDS, kioskToken, testConfig } from '../support/harness.js';

/**
 * The harness' agent, but serving the built staff window (dist-renderer/) on its admin origin,
 * as the headless agent does for a browser.
 */
export interface UiAgent {
  sandbox: StoklySandbox;
  agent: Agent;
  kiosk(): KioskClient;
  sales(): SaleFactory;
  /** Starts the agent again after `agent.stop()`, on the same admin port and data folder (a restart). */
  restartAgent(): Promise<void>;
  stop(): Promise<void>;
}

export const uiDir = resolve('dist-renderer');

export async function startUiAgent(overrides: Parameters<typeof testConfig>[2] = {}): Promise<UiAgent> {
  silenceLogging();
  const seed = generateShop({ itemCount: 60, seed: 7 });
  const sandbox = await StoklySandbox.start({ rateLimit: null, seed });
  const dataDir = mkdtempSync(join(tmpdir(), 'shelfbridge-e2e-'));
  const config = testConfig(sandbox, dataDir, overrides);
  const start = async (c: typeof config): Promise<Agent> => {
    const started = await startAgent(c, { stoklySecretKey: sandbox.credentials.secretKey }, { uiDir, logConsole: false });
    silenceLogging();
    return started;
  };
  let agent = await start(config);
  const factory = new SaleFactory(KIOSK_IDS[0], kioskProducts(seed.items));
  return {
    sandbox,
    get agent() { return agent; },
    restartAgent: async () => {
      agent = await start({ ...config, adminApi: { ...config.adminApi, port: Number(new URL(agent.adminUrl).port) } });
    },
    kiosk: () => new KioskClient(agent.kioskUrl, KIOSK_IDS[0], kioskToken(KIOSK_IDS[0])),
    sales: () => factory,
    stop: async () => {
      await agent.stop();
      await sandbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
