import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type Config, type ConfigInput } from '../../electron/core/config.js';
import { startAgent, type Agent } from '../../electron/core/index.js';
import { sha256Hex } from '../../electron/core/kiosk/auth.js';
import { silenceLogging } from '../../electron/core/logging/logger.js';
import { kioskProducts } from '../../sim/kiosks/catalogue.js';
import { KioskClient } from '../../sim/kiosks/kiosk-client.js';
import { SaleFactory } from '../../sim/kiosks/sale-factory.js';
import { CloudshelfSandbox } from '../../sim/cloudshelf/sandbox.js';
import { StoklySandbox, type StoklySandboxOptions } from '../../sim/stokly/sandbox.js';
import { generateShop } from '../../sim/stokly/seed.js';

export const KIOSK_IDS = ['kiosk-01', 'kiosk-02'] as const;
export const kioskToken = (id: string): string => `token-for-${id}`;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** A configuration for tests: fast retries, generous rate budget, ephemeral ports. */
export function testConfig(sandbox: StoklySandbox, dataDir: string, overrides: DeepPartial<ConfigInput> = {}): Config {
  const base: ConfigInput = {
    storeId: 'store-001',
    dataDir,
    stokly: {
      baseUrl: sandbox.url,
      accountKey: sandbox.credentials.accountKey,
      clientId: sandbox.credentials.clientId,
      locationId: 'LOC-STORE-001',
      channelId: 'CH-KIOSK',
      requestTimeoutMs: 2_000,
      maxRequestsPerMinute: 60_000,
      rateLimitPauseSeconds: 1,
    },
    kioskApi: {
      host: '127.0.0.1',
      port: 0,
      kiosks: KIOSK_IDS.map((id) => ({ id, tokenSha256: sha256Hex(kioskToken(id)) })),
    },
    adminApi: { port: 0, token: 'admin-token-for-tests-0123456789' },
    tenders: { card: 4, cash: 1 },
    outbox: { concurrency: 4, backoffBaseMs: 50, backoffCapMs: 1_000, unknownOutcomeGraceMs: 200, pollIntervalMs: 200, stallAfterSeconds: 900 },
  };
  return parseConfig(merge(base, overrides));
}

function merge<T>(base: T, over: unknown): T {
  if (over === undefined) return base;
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof over !== 'object' || over === null || Array.isArray(over)) {
    return over as T;
  }
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = merge(out[k], v);
  return out as T;
}

export const CLOUDSHELF_LOCATION = 'gid://external/ShelfbridgeLocation/store-001';

export interface Harness {
  sandbox: StoklySandbox;
  cloudshelf: CloudshelfSandbox | null;
  agent: Agent;
  dataDir: string;
  kiosk(id?: string): KioskClient;
  sales(kioskId?: string): SaleFactory;
  restart(): Promise<Agent>;
  stop(): Promise<void>;
}

export async function startHarness(
  options: {
    sandbox?: StoklySandboxOptions; config?: DeepPartial<ConfigInput>; items?: number; cloudshelf?: boolean;
    /** As the Electron shell hands it over from the OS secret store (base64, 32 bytes). */
    personalDataKey?: string;
  } = {},
): Promise<Harness> {
  silenceLogging();
  const seed = generateShop({ itemCount: options.items ?? 60, seed: 7 });
  const sandbox = await StoklySandbox.start({ rateLimit: null, ...options.sandbox, seed });
  const cloudshelf = options.cloudshelf ? await CloudshelfSandbox.start() : null;
  const dataDir = mkdtempSync(join(tmpdir(), 'shelfbridge-test-'));
  const cloudshelfConfig = cloudshelf
    ? { cloudshelf: { apiUrl: cloudshelf.url, locationId: CLOUDSHELF_LOCATION, locationName: 'Test store', pushDebounceMs: 50, orderPollSeconds: 3600 } }
    : {};
  const config = testConfig(sandbox, dataDir, merge(cloudshelfConfig, options.config ?? {}));
  const secrets = { stoklySecretKey: sandbox.credentials.secretKey, cloudshelfApiKey: cloudshelf?.apiKey, personalDataKey: options.personalDataKey };
  let agent = await startAgent(config, secrets, { logConsole: false });
  silenceLogging();
  const products = kioskProducts(seed.items);
  const factories = new Map<string, SaleFactory>();
  const harness: Harness = {
    sandbox,
    cloudshelf,
    get agent() {
      return agent;
    },
    dataDir,
    kiosk: (id = KIOSK_IDS[0]) => new KioskClient(agent.kioskUrl, id, kioskToken(id)),
    sales: (id = KIOSK_IDS[0]) => {
      let f = factories.get(id);
      if (!f) {
        f = new SaleFactory(id, products);
        factories.set(id, f);
      }
      return f;
    },
    restart: async () => {
      await agent.stop();
      agent = await startAgent({ ...config, kioskApi: { ...config.kioskApi } }, secrets, { logConsole: false });
      silenceLogging();
      return agent;
    },
    stop: async () => {
      await agent.stop();
      await sandbox.stop();
      await cloudshelf?.stop();
    },
  };
  return harness;
}

/** Polls until `check` returns a truthy value or the time runs out. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
