import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonLogLine } from '../../electron/core/logging/json-line.js';
import { configureLogging, scopedLogger, silenceLogging } from '../../electron/core/logging/logger.js';
import { pruneRotated, rotateLogFile } from '../../electron/core/logging/rotation.js';

const context = { storeId: 'store-7', version: '1.2.3' };
const DAY = 86_400_000;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sb-logs-'));
});
afterEach(() => {
  silenceLogging();
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('rotation', () => {
  it('shifts the numbered files and drops the one beyond keepFiles', () => {
    const live = write('agent.log', 'live');
    write('agent.1.log', 'one');
    write('agent.2.log', 'two');
    rotateLogFile(live, { keepFiles: 2, keepDays: 30 }, Date.now());
    expect(readdirSync(dir).sort()).toEqual(['agent.1.log', 'agent.2.log']);
    expect(readFileSync(join(dir, 'agent.1.log'), 'utf8')).toBe('live');
    expect(readFileSync(join(dir, 'agent.2.log'), 'utf8')).toBe('one');
  });

  it('deletes rotated files older than keepDays and the legacy .old file, never the live one', () => {
    const now = Date.now();
    const live = write('agent.log', 'live');
    const recent = write('agent.1.log', 'recent');
    const stale = write('agent.2.log', 'stale');
    write('agent.old.log', 'legacy');
    write('other.1.log', 'not ours');
    utimesSync(stale, new Date(now - 31 * DAY), new Date(now - 31 * DAY));
    utimesSync(live, new Date(now - 90 * DAY), new Date(now - 90 * DAY));
    const removed = pruneRotated(live, { keepFiles: 5, keepDays: 30 }, now);
    expect(removed.sort()).toEqual(['agent.2.log', 'agent.old.log']);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(join(dir, 'other.1.log'))).toBe(true);
  });
});

describe('JSON lines', () => {
  it('formats the message, names store and version, and escapes control characters', () => {
    const line = jsonLogLine({ date: new Date('2026-12-02T10:15:00Z'), level: 'warn', scope: 'kiosk', data: ['sale %s from %s', 'S-1\r\nX-Injected: 1', 'till-1'] }, context);
    expect(line).not.toMatch(/[\r\n]/);
    expect(JSON.parse(line)).toEqual({
      time: '2026-12-02T10:15:00.000Z', level: 'warn', scope: 'kiosk', msg: 'sale S-1\r\nX-Injected: 1 from till-1', store: 'store-7', version: '1.2.3',
    });
  });

  it('gives an error its own message and stack fields', () => {
    const parsed = JSON.parse(jsonLogLine({ date: new Date(), level: 'error', data: ['send failed', new Error('socket hang up')] }, context)) as Record<string, string>;
    expect(parsed.msg).toBe('send failed');
    expect(parsed.error).toBe('socket hang up');
    expect(parsed.stack).toContain('Error: socket hang up');
  });
});

describe('the agent log file', () => {
  const options = (format: 'text' | 'json', maxFileBytes = 5 * 1024 * 1024) => ({
    dataDir: dir, level: 'info' as const, console: false, format, maxFileBytes, retention: { keepFiles: 2, keepDays: 30 }, context,
  });

  it('writes one parseable JSON object per line when logging.format is json', () => {
    configureLogging(options('json'));
    scopedLogger('outbox').info('posted sale %s', 'S-9');
    scopedLogger('outbox').warn('Stok.ly slow');
    const lines = readFileSync(join(dir, 'logs', 'agent.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.map((l) => [l.level, l.scope, l.msg, l.store])).toEqual([
      ['info', 'outbox', 'posted sale S-9', 'store-7'],
      ['warn', 'outbox', 'Stok.ly slow', 'store-7'],
    ]);
  });

  it('writes readable text by default', () => {
    configureLogging(options('text'));
    scopedLogger('outbox').info('posted sale S-9');
    expect(readFileSync(join(dir, 'logs', 'agent.log'), 'utf8')).toMatch(/^\[\d{4}-\d\d-\d\d [\d:.]+\] \[info\]\s+\(outbox\)\s+posted sale S-9/);
  });

  it('rotates at the configured size, keeps keepFiles rotated files, all private', () => {
    configureLogging(options('json', 4096));
    const logger = scopedLogger('bench');
    for (let i = 0; i < 200; i++) logger.info(`line ${i} ${'x'.repeat(100)}`);
    const logs = join(dir, 'logs');
    expect(readdirSync(logs).sort()).toEqual(['agent.1.log', 'agent.2.log', 'agent.log']);
    for (const name of readdirSync(logs)) expect(statSync(join(logs, name)).mode & 0o077).toBe(0);
    const newest = readFileSync(join(logs, 'agent.log'), 'utf8').trim().split('\n').at(-1) ?? '';
    expect((JSON.parse(newest) as { msg: string }).msg).toMatch(/^line 199 /);
  });
});
