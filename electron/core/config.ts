import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { idSchema } from '../../shared/ids.js';
import { exampleFor } from './config-examples.js';

/**
 * The configuration file is a public contract that IT scripts against: unknown keys and bad
 * values stop the agent with a message naming the key and what is expected.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be the lower-case hex SHA-256 of the kiosk token (64 characters)');
const port = z.number().int().min(0).max(65535);
const positiveInt = z.number().int().positive();

const tenderSchema = z.union([
  z.number().int('must be the numeric Stok.ly payment method code'),
  z.strictObject({ method: z.number().int(), ledger: z.string().min(1).max(100).optional() }),
]);

// A plain interval in seconds, or a cron expression for node-schedule, e.g. "0 22 * * *".
const scheduleSpec = z.union([
  z.number().int().positive(),
  z.string().regex(/^(\S+\s+){4,5}\S+$/, 'must be seconds (a number) or a cron expression such as "*/5 * * * *"'),
]);

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as "02:00"');

const storeTimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/London');

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export const configSchema = z.strictObject({
  /** Lets editors validate the file against docs/config.schema.json; the agent ignores it. */
  $schema: z.string().optional(),
  storeId: idSchema,
  dataDir: z.string().min(1, 'must be a directory path'),
  stokly: z.strictObject({
    baseUrl: z.url({ message: 'must be a URL such as https://api.stok.ly' }),
    accountKey: z.string().min(1),
    clientId: z.string().min(1),
    /** Prefer SHELFBRIDGE_STOKLY_SECRET_KEY or secretKeyFile; kept here only for sandboxes. */
    secretKey: z.string().min(1).optional(),
    secretKeyFile: z.string().min(1).optional(),
    locationId: z.string().min(1),
    channelId: z.string().min(1),
    requestTimeoutMs: positiveInt.default(15_000),
    /** Our own pace, below Stok.ly's unpublished limit (known clients use 120–600 a minute). */
    maxRequestsPerMinute: positiveInt.default(300),
    /** How long the whole queue pauses when x-ratelimit-remaining falls to 3 or below. */
    rateLimitPauseSeconds: positiveInt.default(60),
  }),
  kioskApi: z.strictObject({
    host: z.string().min(1).default('0.0.0.0'),
    port: port.default(4780),
    /** Kiosks fixed by IT; kiosks enrolled from the staff window live in the database instead. */
    kiosks: z.array(z.strictObject({ id: idSchema, tokenSha256: hex64, name: z.string().max(100).optional() }))
      .refine((ks) => new Set(ks.map((k) => k.id)).size === ks.length, 'kiosk ids must be unique')
      .refine((ks) => new Set(ks.map((k) => k.tokenSha256)).size === ks.length, 'each kiosk needs its own token')
      .default([]),
    requestsPerMinute: positiveInt.default(600),
  }).default({ host: '0.0.0.0', port: 4780, kiosks: [], requestsPerMinute: 600 }),
  adminApi: z.strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    port: port.default(4781),
    token: z.string().min(16, 'must be at least 16 characters').optional(),
    /** A host other than loopback exposes the staff API to the network: only with this set to true. */
    allowRemote: z.boolean().default(false),
  }).default({ host: '127.0.0.1', port: 4781, allowRemote: false })
    .refine((a) => a.allowRemote || isLoopbackHost(a.host), {
      message: 'a host other than 127.0.0.1, ::1 or localhost exposes the staff API to the network; set adminApi.allowRemote: true to mean it',
      path: ['host'],
    }),
  /** Socket limits of both servers (kiosk contract 1.1: 408 after 30 s, keep-alive 60 s). */
  sockets: z.strictObject({
    requestTimeoutSeconds: positiveInt.max(600).default(30),
    keepAliveTimeoutSeconds: positiveInt.max(3_600).default(60),
    maxConnectionsPerAddress: positiveInt.default(64),
    /** Wrong or missing tokens one address may send in a minute before it gets 429. */
    failedAuthPerMinute: positiveInt.default(30),
  }).default({ requestTimeoutSeconds: 30, keepAliveTimeoutSeconds: 60, maxConnectionsPerAddress: 64, failedAuthPerMinute: 30 }),
  tenders: z.record(z.string().regex(/^[a-z0-9_]{1,64}$/, 'tender names are lower-case, e.g. gift_card'), tenderSchema),
  outbox: z.strictObject({
    concurrency: positiveInt.max(32).default(4),
    backoffBaseMs: positiveInt.default(2_000),
    backoffCapMs: positiveInt.default(300_000),
    /** Before looking up a send whose outcome is unknown, let any request still in flight land. */
    unknownOutcomeGraceMs: z.number().int().min(0).default(15_000),
    pollIntervalMs: positiveInt.default(5_000),
    /** Oldest pending sale older than this makes health degraded and raises an alert. */
    stallAfterSeconds: positiveInt.default(900),
  }).default({ concurrency: 4, backoffBaseMs: 2_000, backoffCapMs: 300_000, unknownOutcomeGraceMs: 15_000, pollIntervalMs: 5_000, stallAfterSeconds: 900 }),
  sync: z.strictObject({
    /** Seconds between stock pulls, or a node-schedule cron expression. */
    stockIntervalSeconds: scheduleSpec.default(60),
    catalogIntervalSeconds: scheduleSpec.default(300),
    /** A full (not incremental) catalogue pull at least this often, to heal anything a delta missed. */
    catalogFullResyncHours: positiveInt.default(24),
    staleAfterSeconds: positiveInt.default(300),
  }).default({ stockIntervalSeconds: 60, catalogIntervalSeconds: 300, catalogFullResyncHours: 24, staleAfterSeconds: 300 }),
  stock: z.strictObject({
    buffer: z.number().int().min(0).default(0),
    bufferBySku: z.record(z.string().min(1), z.number().int().min(0)).default({}),
    /** "location": the location-level row (binId UNASSIGNED); "bins": the sum of the location's bins. */
    source: z.enum(['location', 'bins']).default('location'),
    /** A stock movement the kiosks' sales do not explain, larger than this many units, raises an alert; 0: never. */
    movementAlertUnits: z.number().int().min(0).default(20),
  }).default({ buffer: 0, bufferBySku: {}, source: 'location', movementAlertUnits: 20 }),
  catalog: z.strictObject({
    /** Whether Stok.ly's salePrice includes tax; the reference assumes not (account setting). */
    salePriceIncludesTax: z.boolean().default(false),
    /** Tax class id → rate in percent; Stok.ly has no known tax-class endpoint. */
    taxRates: z.record(z.string().min(1), z.number().min(0).max(100)).default({}),
  }).default({ salePriceIncludesTax: false, taxRates: {} }),
  cloudshelf: z.strictObject({
    apiUrl: z.url().default('https://ingestapi.cloudshelf.ai/graphql'),
    /** Prefer SHELFBRIDGE_CLOUDSHELF_API_KEY. */
    apiKey: z.string().min(1).optional(),
    /** The store's Cloudshelf location: a gid://cloudshelf/… id is checked, a gid://external/… id is created if missing. */
    locationId: z.string().min(1),
    locationName: z.string().min(1).optional(),
    /** Wait this long after a change before pushing, so a burst of sales is one push. */
    pushDebounceMs: z.number().int().min(0).default(1_000),
    /** Every Nth push also reads Cloudshelf back and overwrites fields changed there. */
    driftCheckEvery: positiveInt.default(12),
    /** Seconds between polls for Cloudshelf orders (sales that did not reach us over the LAN). */
    orderPollSeconds: scheduleSpec.default(60),
    /** Cloudshelf orders carry no tender: the one they were paid with at the kiosk. */
    orderTender: z.string().regex(/^[a-z0-9_]{1,64}$/).default('card'),
    /**
     * Take Cloudshelf orders that never came over the LAN. The schema has no store on an order,
     * so turn this off on all but one store of an organisation sharing one Cloudshelf account.
     */
    orderIntake: z.boolean().default(true),
    /** Polled orders did not pass the till: endless aisle ("ship") unless told otherwise. */
    orderFulfilment: z.enum(['ship', 'store']).default('ship'),
    /** The first poll takes orders updated after this time (default: when intake first runs). */
    orderIntakeSince: z.iso.datetime({ offset: true }).optional(),
  }).optional(),
  refunds: z.strictObject({
    /** A refund whose sale has not arrived after this long becomes an exception. */
    waitForSaleMinutes: z.number().positive().default(1_440),
  }).default({ waitForSaleMinutes: 1_440 }),
  database: z.strictObject({
    /** How long a write waits for a lock before the kiosk is told 503 (it keeps the sale and retries). */
    busyTimeoutMs: z.number().int().min(0).max(60_000).default(5_000),
  }).default({ busyTimeoutMs: 5_000 }),
  reconciliation: z.strictObject({
    timeZone: storeTimeZone.default('Europe/London'),
    /** Off: the daily reconciliation and month end are neither built nor loaded (their admin routes are 404). */
    enabled: z.boolean().default(true),
  }).default({ timeZone: 'Europe/London', enabled: true }),
  checks: z.strictObject({
    /** Store-local hour (0–23) after which today's unticked daily checks show on the Status tab. */
    remindAfterHour: z.number().int().min(0).max(23).default(11),
  }).default({ remindAfterHour: 11 }),
  /** The staff window (issue 9). */
  window: z.strictObject({
    /** Who staff call when the agent stays down, shown on the window's banner, e.g. "IT helpdesk 0161 496 0000". */
    supportContact: z.string().min(1).max(200).optional(),
  }).default({}),
  logLevel: z.enum(['error', 'warn', 'info', 'verbose', 'debug']).default('info'),
  // Monitoring (issue 11): Prometheus metrics on the LAN, webhook alerts, log format and rotation.
  metrics: z.strictObject({
    /** A second listener for a central Prometheus; the admin port serves /metrics too (admin token). */
    host: z.string().min(1).default('0.0.0.0'),
    port: port.default(9464),
    /** Bearer token Prometheus sends (authorization.credentials); its own, not the admin token. */
    token: z.string().min(16, 'must be at least 16 characters'),
  }).optional(),
  /** The agent's log file, <dataDir>/logs/agent.log (the level is `logLevel`). */
  logging: z.strictObject({
    /** text: one readable line per event; json: one JSON object per line, for a log shipper. */
    format: z.enum(['text', 'json']).default('text'),
    /** The file rotates to agent.1.log when it passes this size. */
    maxFileSizeMb: z.number().int().min(1).max(1024).default(5),
    /** Rotated files kept (agent.1.log … agent.N.log). */
    keepFiles: z.number().int().min(1).max(100).default(5),
    /** Rotated files older than this are deleted even within keepFiles (logs can name customers). */
    keepDays: z.number().int().min(1).max(3650).default(30),
  }).default({ format: 'text', maxFileSizeMb: 5, keepFiles: 5, keepDays: 30 }),
  alerts: z.strictObject({
    webhook: z.strictObject({
      url: z.url({ message: 'must be the webhook URL, e.g. https://hooks.slack.com/services/…' }),
      /** json: Shelfbridge's own document (with a Slack-style "text"); slack: text only; teams: an Adaptive Card message. */
      format: z.enum(['json', 'slack', 'teams']).default('json'),
      timeoutMs: positiveInt.default(10_000),
      backoffBaseMs: positiveInt.default(5_000),
      backoffCapMs: positiveInt.default(600_000),
    }).optional(),
    /** Stok.ly unreachable this long raises an alert (short blips are normal). */
    stoklyDownAfterSeconds: positiveInt.default(300),
    /** How often the alert conditions are checked. */
    checkIntervalSeconds: positiveInt.default(30),
  }).default({ stoklyDownAfterSeconds: 300, checkIntervalSeconds: 30 }),
  // Retry policy (issue 7): the waits not set with their feature above (outbox.backoff*, alerts.webhook.backoff*).
  retry: z.strictObject({
    /** Stok.ly unreachable: the whole queue waits between single "canary" sends, growing from outbox.backoffBaseMs up to this. */
    offlineCanaryCapMs: positiveInt.default(30_000),
    /** Cloudshelf calls answered 429/499/502/503/504 or not at all: waits between attempts (default 1.5–5 s, as Cloudshelf's connector) and how many attempts. */
    cloudshelf: z.strictObject({
      minMs: z.number().int().min(0).default(1_500),
      baseMs: positiveInt.default(5_000),
      capMs: positiveInt.default(5_000),
      maxAttempts: positiveInt.max(20).default(5),
      /** A Retry-After up to this is waited out; a longer one fails the call (the next scheduled run tries again). */
      maxRetryAfterMs: positiveInt.default(60_000),
    }).default({ minMs: 1_500, baseMs: 5_000, capMs: 5_000, maxAttempts: 5, maxRetryAfterMs: 60_000 }),
    /** The desktop app restarting an agent that stopped: doubling from baseMs up to capMs; up stableAfterMs, the next restart is immediate again. */
    restart: z.strictObject({
      baseMs: positiveInt.default(1_000),
      capMs: positiveInt.default(300_000),
      stableAfterMs: positiveInt.default(120_000),
    }).refine((r) => r.capMs >= r.baseMs, { message: 'capMs must be at least baseMs', path: ['capMs'] })
      .default({ baseMs: 1_000, capMs: 300_000, stableAfterMs: 120_000 }),
  }).default({
    offlineCanaryCapMs: 30_000,
    cloudshelf: { minMs: 1_500, baseMs: 5_000, capMs: 5_000, maxAttempts: 5, maxRetryAfterMs: 60_000 },
    restart: { baseMs: 1_000, capMs: 300_000, stableAfterMs: 120_000 },
  }),
  // Issue 10 (IT): routine backups.
  backup: z.strictObject({
    /** When the daily backup is taken (cron, the machine's local time); also at start if the newest is over a day old. */
    schedule: z.string().regex(/^(\S+\s+){4,5}\S+$/, 'must be a cron expression such as "30 3 * * *"').default('30 3 * * *'),
    /** How many daily backups to keep in <dataDir>/backups. */
    keep: z.number().int().min(1).max(365).default(14),
  }).default({ schedule: '30 3 * * *', keep: 14 }),
  // Endless aisle and personal data (issue 12): delivery orders, warehouse stock at the kiosk.
  endlessAisle: z.strictObject({
    /** Stok.ly locations that can ship endless-aisle orders; their stock is pulled with the store's. */
    locationIds: z.array(z.string().min(1)).default([]),
    /** Kept back from what the warehouses can promise to kiosks. */
    buffer: z.number().int().min(0).default(0),
    /** The Stok.ly shipping option named on delivery orders. */
    shippingOption: z.string().min(1).max(100).default('Standard'),
    /** A customer just created may not show in Stok.ly at once: wait this long before creating it again. */
    customerVisibilitySeconds: positiveInt.default(60),
  }).default({ locationIds: [], buffer: 0, shippingOption: 'Standard', customerVisibilitySeconds: 60 }),
  privacy: z.strictObject({
    /** Days customer and delivery details are kept after the order is confirmed in Stok.ly; 0 = erased at once. */
    customerDataRetentionDays: z.number().int().min(0).max(365).default(7),
    /** Headless: the key that seals them, created on first run (mode 0600). Default <dataDir>/keys/personal-data.key. */
    keyFile: z.string().min(1).optional(),
  }).default({ customerDataRetentionDays: 7 }),
  // Issue 10 (IT): desktop app updates. Read by the Electron shell; the headless agent ignores them.
  updates: z.strictObject({
    /** Off: the desktop app never looks for updates (IT installs each version by hand). */
    enabled: z.boolean().default(true),
    /** The update server (electron-builder "generic" feed); absent: the URL built into the app. */
    feedUrl: z.url({ protocol: /^https$/, message: 'must be an https:// URL of the update server' }).optional(),
    /** stable reads latest.yml; beta reads beta.yml (beta and stable versions). */
    channel: z.enum(['stable', 'beta']).default('stable'),
    /** Store-local times (reconciliation.timeZone) between which an update may restart the app; may cross midnight. */
    maintenanceWindow: z.strictObject({ start: clockTime, end: clockTime })
      .refine((w) => w.start !== w.end, 'start and end must differ')
      .default({ start: '02:00', end: '05:00' }),
  }).default({ enabled: true, channel: 'stable', maintenanceWindow: { start: '02:00', end: '05:00' } }),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

export interface Secrets {
  stoklySecretKey: string;
  cloudshelfApiKey?: string | undefined;
  /** Base64 of the 32-byte personal-data key, kept by the Electron shell in the OS secret store. */
  personalDataKey?: string | undefined;
}

export class ConfigError extends Error {
  constructor(message: string, readonly source: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A value as it appeared in the file, short enough for one line. */
function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * One line per issue, naming the key and what it should be: "stokly.locationId: missing, e.g.
 * "locationId": "your-store-location-id"", "kioskApi.port: Too big: … (found 70000)".
 */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(top level)';
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? `${path}: ` : '';
      return `${where}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; see docs/configuration.md)`;
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      const example = exampleFor(issue.path);
      const key = String(issue.path.at(-1) ?? path);
      return `${path}: missing${example === undefined ? ` (expected ${issue.expected})` : `, e.g. "${key}": ${JSON.stringify(example)}`}`;
    }
    // Never echo what might be a secret.
    const secret = /secret|token|apikey/i.test(path);
    return `${path}: ${issue.message}${issue.input === undefined || secret ? '' : ` (found ${shown(issue.input)})`}`;
  });
}

export function parseConfig(input: unknown, source = 'configuration'): Config {
  const result = configSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    throw new ConfigError(`${source} is not valid:\n  ${describeIssues(result.error).join('\n  ')}`, source);
  }
  return result.data;
}

/** "line 3, column 5" for a JSON.parse error (Node 20 gives only the position, Node 22 both). */
export function jsonErrorLocation(text: string, err: Error): string {
  const lineCol = /line (\d+) column (\d+)/.exec(err.message);
  if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`;
  const position = /position (\d+)/.exec(err.message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** The file's text parsed as JSON; a syntax error names the line and column. */
export function parseConfigJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message.replace(/\s*\(line \d+ column \d+\)$/, '');
    throw new ConfigError(`${path} is not valid JSON at ${jsonErrorLocation(text, err as Error)}: ${message}`, path);
  }
}

/** Environment overrides IT can set per machine without editing the file. */
export function applyEnvOverrides(raw: unknown, env: NodeJS.ProcessEnv): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const copy = structuredClone(raw) as Record<string, unknown>;
  if (env.SHELFBRIDGE_DATA_DIR) copy.dataDir = env.SHELFBRIDGE_DATA_DIR;
  if (env.SHELFBRIDGE_ADMIN_TOKEN) {
    const admin = (typeof copy.adminApi === 'object' && copy.adminApi !== null ? copy.adminApi : {}) as Record<string, unknown>;
    copy.adminApi = { ...admin, token: env.SHELFBRIDGE_ADMIN_TOKEN };
  }
  return copy;
}

export function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read the configuration file ${path}: ${(err as Error).message}`, path);
  }
  const raw = parseConfigJson(text, path);
  refuseSecretReadableByOthers(path, raw);
  return parseConfig(applyEnvOverrides(raw, env), path);
}

/** Keys of the configuration file that hold a secret. */
const SECRET_KEYS = [['stokly', 'secretKey'], ['cloudshelf', 'apiKey'], ['adminApi', 'token'], ['metrics', 'token']] as const;

/**
 * A configuration file holding a secret must be readable by its owner only, as
 * stokly.secretKeyFile must: otherwise any user of the till PC could post to Stok.ly.
 */
function refuseSecretReadableByOthers(path: string, raw: unknown): void {
  if (process.platform === 'win32' || typeof raw !== 'object' || raw === null) return;
  const held = SECRET_KEYS.filter(([section, key]) => {
    const value = (raw as Record<string, unknown>)[section];
    return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[key] === 'string';
  }).map(([section, key]) => `${section}.${key}`);
  if (held.length === 0) return;
  if ((statSync(path).mode & 0o077) !== 0) {
    throw new ConfigError(`${path} holds a secret (${held.join(', ')}) and is readable by other users; run chmod 600 ${path}`, path);
  }
}

/**
 * The Stok.ly secret: from the Electron shell (safeStorage), the environment, a file only
 * its owner can read, or (sandboxes only) the configuration itself — in that order.
 */
export function resolveSecrets(
  config: Config,
  env: NodeJS.ProcessEnv,
  fromShell?: { stoklySecretKey?: string | undefined; cloudshelfApiKey?: string | undefined; personalDataKey?: string | undefined },
): Secrets {
  const cloudshelfApiKey = fromShell?.cloudshelfApiKey ?? env.SHELFBRIDGE_CLOUDSHELF_API_KEY ?? config.cloudshelf?.apiKey;
  if (config.cloudshelf && !cloudshelfApiKey) {
    throw new ConfigError('cloudshelf: no API key. Set SHELFBRIDGE_CLOUDSHELF_API_KEY (or cloudshelf.apiKey for sandboxes)', 'secrets');
  }
  // The personal-data key comes only from the shell's OS secret store; headless uses privacy.keyFile.
  return { stoklySecretKey: stoklySecret(config, env, fromShell?.stoklySecretKey), cloudshelfApiKey, personalDataKey: fromShell?.personalDataKey };
}

function stoklySecret(config: Config, env: NodeJS.ProcessEnv, fromShell: string | undefined): string {
  const direct = fromShell ?? env.SHELFBRIDGE_STOKLY_SECRET_KEY;
  if (direct) return direct;
  const file = config.stokly.secretKeyFile;
  if (file) {
    let mode: number;
    try {
      mode = statSync(file).mode;
    } catch (err) {
      throw new ConfigError(`stokly.secretKeyFile: cannot read ${file}: ${(err as Error).message}`, file);
    }
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new ConfigError(`stokly.secretKeyFile: ${file} is readable by other users; run chmod 600 ${file}`, file);
    }
    return readFileSync(file, 'utf8').trim();
  }
  if (config.stokly.secretKey) return config.stokly.secretKey;
  throw new ConfigError(
    'stokly: no secret key. Set SHELFBRIDGE_STOKLY_SECRET_KEY, or stokly.secretKeyFile (a file readable only by this user)',
    'secrets',
  );
}

/** Tender name → Stok.ly payment method code and ledger label (both forms of the contract). */
export function tenderMapping(config: Pick<Config, 'tenders'>, tender: string): { method: number; ledger: string } | undefined {
  const entry = config.tenders[tender];
  if (entry === undefined) return undefined;
  if (typeof entry === 'number') return { method: entry, ledger: tender };
  return { method: entry.method, ledger: entry.ledger ?? tender };
}
