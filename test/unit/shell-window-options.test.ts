import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isExternalLink, secureWindowOptions } from '../../electron/shell/window-options.js';

const rendererFile = 'file:///opt/Shelfbridge/resources/app.asar/dist-renderer/index.html';
const adminOrigin = 'http://127.0.0.1:4781';

describe('secure window options', () => {
  it('isolates the page from Node and from the preload', () => {
    const { webPreferences } = secureWindowOptions('/app/dist/preload/preload.cjs');
    expect(webPreferences.preload).toBe('/app/dist/preload/preload.cjs');
    expect(webPreferences.contextIsolation).toBe(true);
    expect(webPreferences.nodeIntegration).toBe(false);
    expect(webPreferences.nodeIntegrationInWorker).toBe(false);
    expect(webPreferences.nodeIntegrationInSubFrames).toBe(false);
    expect(webPreferences.sandbox).toBe(true);
    expect(webPreferences.webSecurity).toBe(true);
    expect(webPreferences.allowRunningInsecureContent).toBe(false);
    expect(webPreferences.webviewTag).toBe(false);
  });

  it('does not flash an empty window before the page is ready', () => {
    expect(secureWindowOptions('/p').show).toBe(false);
  });
});

describe('navigation guard', () => {
  it('allows the bundled page and the admin origin', () => {
    expect(isAllowedNavigation(rendererFile, rendererFile, adminOrigin)).toBe(true);
    expect(isAllowedNavigation(`${adminOrigin}/`, rendererFile, adminOrigin)).toBe(true);
    expect(isAllowedNavigation(`${adminOrigin}/index.html?x=1`, rendererFile, adminOrigin)).toBe(true);
  });

  it('refuses everything else', () => {
    for (const target of [
      'https://evil.example/',
      'http://127.0.0.1:4780/',
      'http://localhost:4781/',
      'file:///etc/passwd',
      'file:///opt/Shelfbridge/resources/app.asar/dist-renderer/other.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedNavigation(target, rendererFile, adminOrigin), target).toBe(false);
    }
  });

  it('refuses the admin origin before the core has reported it', () => {
    expect(isAllowedNavigation(`${adminOrigin}/`, rendererFile, null)).toBe(false);
  });

  it('opens only https links in the browser', () => {
    expect(isExternalLink('https://help.stok.ly/')).toBe(true);
    expect(isExternalLink('http://example.com/')).toBe(false);
    expect(isExternalLink('file:///C:/Windows/system32/cmd.exe')).toBe(false);
    expect(isExternalLink('smb://server/share')).toBe(false);
  });
});
