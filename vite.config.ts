import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * `vite build` builds two things:
 * - client: the React UI (renderer/) into dist-renderer/, served by the agent's admin API
 *   and bundled into the app;
 * - preload: electron/preload.ts as ONE CommonJS file, dist/preload/preload.cjs, because a
 *   sandboxed preload can neither be an ES module nor require our other files.
 * `vite` (dev) serves the UI and proxies /api to a headless agent on 127.0.0.1:4781.
 */
const at = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** CSP for the built page only: the dev server needs inline scripts for hot reload. */
function contentSecurityPolicy(): Plugin {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return {
    name: 'shelfbridge-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root: at('./renderer'),
  // Relative asset URLs: the page loads both from file:// (Electron) and from the admin origin.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  server: {
    host: '127.0.0.1',
    // changeOrigin: the agent accepts only its own Host header (DNS rebinding).
    proxy: { '/api': { target: 'http://127.0.0.1:4781', changeOrigin: true } },
  },
  builder: {},
  environments: {
    client: {
      build: {
        outDir: at('./dist-renderer'),
        emptyOutDir: true,
        rollupOptions: {
          // sw.js: the service worker at the root (its scope is the folder it is served from), under a fixed name.
          input: { index: at('./renderer/index.html'), sw: at('./renderer/src/sw.ts') },
          output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
        },
      },
    },
    preload: {
      consumer: 'client',
      build: {
        outDir: at('./dist/preload'),
        emptyOutDir: true,
        copyPublicDir: false,
        minify: false,
        rollupOptions: {
          input: { preload: at('./electron/preload.ts') },
          external: ['electron'],
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    },
  },
});
