import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configPathFor, logsFolderFor, shellFiles } from '../../electron/shell/paths.js';

describe('shell paths', () => {
  it('finds the preload bundle, the UI and the core entry from dist/electron', () => {
    const files = shellFiles(join('/app', 'dist', 'electron'));
    expect(files.preload).toBe(join('/app', 'dist', 'preload', 'preload.cjs'));
    expect(files.rendererIndex).toBe(join('/app', 'dist-renderer', 'index.html'));
    expect(files.coreEntry).toBe(join('/app', 'dist', 'electron', 'core', 'process-entry.js'));
  });

  it('takes the config from SHELFBRIDGE_CONFIG, else userData', () => {
    expect(configPathFor({ SHELFBRIDGE_CONFIG: '/etc/sb.json' }, '/home/u/.config/Shelfbridge')).toBe('/etc/sb.json');
    expect(configPathFor({}, '/ud')).toBe(join('/ud', 'config.json'));
  });

  it("opens the agent's log folder, or the shell's when the config cannot be read", () => {
    const dir = mkdtempSync(join(tmpdir(), 'shelfbridge-paths-'));
    try {
      const config = join(dir, 'config.json');
      writeFileSync(config, JSON.stringify({
        storeId: 'store-1', dataDir: join(dir, 'data'),
        stokly: { baseUrl: 'http://127.0.0.1:9', accountKey: 'a', clientId: 'c', locationId: 'l', channelId: 'ch' },
        kioskApi: { kiosks: [] }, tenders: {},
      }));
      expect(logsFolderFor(config, {}, '/fallback')).toBe(join(dir, 'data', 'logs'));
      expect(logsFolderFor(config, { SHELFBRIDGE_DATA_DIR: '/srv/sb' }, '/fallback')).toBe(join('/srv/sb', 'logs'));
      expect(logsFolderFor(join(dir, 'missing.json'), {}, '/fallback')).toBe('/fallback');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
