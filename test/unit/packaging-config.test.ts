import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * electron-builder.yml is only read when IT packages (not here): check it against the
 * installed electron-builder's own JSON schema, so a misspelt option fails now, and assert
 * the hardening the store PCs depend on.
 */
const require = createRequire(import.meta.url);
const config = parse(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

describe('packaging configuration', () => {
  it('is valid for the installed electron-builder', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('flips the Electron fuses that turn the app into a Node runtime or load outside code', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(config.asar).toBe(true);
  });

  it('installs per machine, signs Windows builds and verifies update signatures', () => {
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.win).toMatchObject({ forceCodeSigning: true, verifyUpdateCodeSignature: true });
    const signtool = (config.win as { signtoolOptions: Record<string, unknown> }).signtoolOptions;
    expect(signtool.publisherName).toEqual(expect.any(String));
    expect(signtool.signingHashAlgorithms).toEqual(['sha256']);
  });

  it('commits no signing secret: the certificate comes from the build machine environment', () => {
    const text = JSON.stringify(config);
    for (const key of ['cscLink', 'cscKeyPassword', 'certificateFile', 'certificatePassword', 'certificateSha1']) {
      expect(text).not.toContain(`"${key}"`);
    }
  });

  it('publishes stable and beta feeds from one generic server', () => {
    expect(config.publish).toMatchObject({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) });
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
  });
});
