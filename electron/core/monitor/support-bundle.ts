import { zipSync, strToU8 } from 'fflate';
import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Status } from '../../../shared/admin-api.js';
import type { Config } from '../config.js';
import type { AlertsRepo } from '../db/alerts-repo.js';
import type { ExceptionsRepo } from '../db/exceptions-repo.js';
import type { StatsRepo } from '../db/stats-repo.js';
import { redactConfig, scrubText, secretValues } from './redact.js';

/** Of each log file, only the end: enough for the last days, small enough to e-mail. */
const LOG_TAIL_BYTES = 2 * 1024 * 1024;

export interface SupportBundleDeps {
  config: Config;
  version: string;
  status(): Status;
  alerts: AlertsRepo;
  exceptions: ExceptionsRepo;
  stats: StatsRepo;
  /** Secret values held outside the configuration (admin token, Stok.ly and Cloudshelf keys). */
  extraSecrets: readonly string[];
  now(): number;
}

function tail(path: string, bytes: number): string {
  const size = statSync(path).size;
  const start = Math.max(0, size - bytes);
  const buf = Buffer.alloc(size - start);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, buf.length, start);
  } finally {
    closeSync(fd);
  }
  const text = buf.toString('utf8');
  // Cut to a whole first line when the start fell mid-line.
  return start > 0 ? text.slice(text.indexOf('\n') + 1) : text;
}

const json = (value: unknown): Uint8Array => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/**
 * A zip for IT or the vendor: recent logs, the configuration without secrets, database figures,
 * the status, open alerts and exceptions — with no secret, token or customer datum in it.
 * Exceptions carry their reason and ids, not their detail (which can quote a customer).
 */
export function buildSupportBundle(deps: SupportBundleDeps): Uint8Array {
  const { config } = deps;
  const secrets = [...secretValues(config), ...deps.extraSecrets].filter((s) => s.length > 0);
  const files: Record<string, Uint8Array> = {};
  files['README.txt'] = strToU8([
    `Shelfbridge ${deps.version} support bundle, store ${config.storeId}, made ${new Date(deps.now()).toISOString()}.`,
    'config.json: the configuration with every secret and token removed.',
    'status.json, alerts.json, exceptions.json: the state now (no customer data, no exception details).',
    'database.json: schema version, size and rows per table (no contents).',
    'logs/: the end of each log file, with secrets and e-mail addresses removed.',
    '',
  ].join('\n'));
  files['config.json'] = json(redactConfig(config));
  files['status.json'] = json(deps.status());
  files['alerts.json'] = json({ open: deps.alerts.openAlerts(), recent: deps.alerts.recent(100) });
  files['exceptions.json'] = json(deps.exceptions.list({ status: 'open', limit: 1000, offset: 0 }).map((e) => ({
    id: e.id, subjectKind: e.subjectKind, subjectRef: e.subjectRef, reason: e.reason, blocking: e.blocking, status: e.status,
    createdAt: new Date(e.createdAt).toISOString(),
  })));
  const dbPath = join(config.dataDir, 'shelfbridge.db');
  const size = (p: string): number | null => (existsSync(p) ? statSync(p).size : null);
  files['database.json'] = json({
    schemaVersion: deps.stats.schemaVersion(),
    fileBytes: { db: size(dbPath), wal: size(`${dbPath}-wal`) },
    ...deps.stats.pages(),
    rows: deps.stats.tableRows(),
  });
  const logDir = join(config.dataDir, 'logs');
  if (existsSync(logDir)) {
    for (const name of readdirSync(logDir).filter((n) => /\.log$/.test(n)).sort()) {
      files[`logs/${name}`] = strToU8(scrubText(tail(join(logDir, name), LOG_TAIL_BYTES), secrets));
    }
  }
  return zipSync(files, { level: 6 });
}
