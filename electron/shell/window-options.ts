/**
 * The staff window's options. The page is a web page that holds an admin token: it gets no
 * Node, runs sandboxed and isolated from the preload, and cannot open other windows.
 * Plain object (no electron import) so it can be tested; main.ts passes it to BrowserWindow,
 * whose constructor type checks the shape.
 */
export function secureWindowOptions(preloadPath: string) {
  return {
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    title: 'Shelfbridge',
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  } as const;
}

/** Top-level navigation stays on the bundled UI file or the admin API's origin. */
export function isAllowedNavigation(target: string, rendererFileUrl: string, adminOrigin: string | null): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') return url.pathname === new URL(rendererFileUrl).pathname;
  return adminOrigin !== null && url.origin === adminOrigin;
}

/** Links the UI may open in the user's browser (documentation, Stok.ly): https only. */
export function isExternalLink(target: string): boolean {
  try {
    return new URL(target).protocol === 'https:';
  } catch {
    return false;
  }
}
