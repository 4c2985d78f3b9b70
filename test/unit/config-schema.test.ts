import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfigFile } from '../../electron/core/config-check.js';
import { configJsonSchema, configJsonSchemaText } from '../../electron/core/config-json-schema.js';

const DOCS = join(import.meta.dirname, '..', '..', 'docs');
const example = (): Record<string, unknown> => JSON.parse(readFileSync(join(DOCS, 'config.example.json'), 'utf8')) as Record<string, unknown>;

describe('docs/config.schema.json', () => {
  it('is the schema generated from the zod configuration (run `npm run config:schema` after changing config.ts)', () => {
    expect(readFileSync(join(DOCS, 'config.schema.json'), 'utf8')).toBe(configJsonSchemaText());
  });

  it('accepts the example configuration and refuses what the agent refuses', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(configJsonSchema());
    expect(validate(example()), JSON.stringify(validate.errors)).toBe(true);
    const stokly = example().stokly as Record<string, unknown>;
    expect(validate({ ...example(), stokly: { ...stokly, locationId: undefined } })).toBe(false);
    expect(validate({ ...example(), colour: 'red' })).toBe(false);
    expect(validate({ ...example(), kioskApi: { port: 70_000 } })).toBe(false);
  });
});

describe('checkConfigFile (--check-config)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shelfbridge-check-'));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('says valid, with what the agent would run, for the example', () => {
    const result = checkConfigFile(join(DOCS, 'config.example.json'), {});
    expect(result.ok).toBe(true);
    expect(result.lines.join('\n')).toMatch(/is valid[\s\S]*store store-001[\s\S]*kiosk API 0\.0\.0\.0:4780/);
  });

  it('says "missing" with an example for a missing key', () => {
    const cfg = example();
    delete (cfg.stokly as Record<string, unknown>).locationId;
    const result = checkConfigFile(write('missing.json', JSON.stringify(cfg)), {});
    expect(result.ok).toBe(false);
    expect(result.lines).toContain('  stokly.locationId: missing, e.g. "locationId": "your-store-location-id"');
  });

  it('names the offending key, what it should be and what was found', () => {
    const result = checkConfigFile(write('bad.json', JSON.stringify({ ...example(), kioskApi: { port: 'eighty' }, reconciliation: { timeZone: 'Mars/Olympus' } })), {});
    expect(result.ok).toBe(false);
    const text = result.lines.join('\n');
    expect(text).toMatch(/kioskApi\.port: .*expected number.*\(found "eighty"\)/);
    expect(text).toMatch(/reconciliation\.timeZone: must be an IANA time zone such as Europe\/London \(found "Mars\/Olympus"\)/);
  });

  it('never echoes a secret it refuses', () => {
    const result = checkConfigFile(write('token.json', JSON.stringify({ ...example(), adminApi: { token: 'short-secret' } })), {});
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toMatch(/adminApi\.token: must be at least 16 characters/);
    expect(result.lines.join('\n')).not.toContain('short-secret');
  });

  it('gives the line and column of a JSON syntax error', () => {
    const result = checkConfigFile(write('syntax.json', '{\n  "storeId": "s1",\n  "dataDir": "/x"\n  "stokly": {}\n}\n'), {});
    expect(result.ok).toBe(false);
    expect(result.lines[0]).toMatch(/is not valid JSON at line 4, column 3/);
  });

  it('says so when the file cannot be read', () => {
    const result = checkConfigFile(join(dir, 'absent.json'), {});
    expect(result).toMatchObject({ ok: false, lines: [expect.stringMatching(/^cannot read .*absent\.json/)] });
  });
});
