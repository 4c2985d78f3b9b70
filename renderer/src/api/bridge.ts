import type { ShelfbridgeBridge } from '../../../shared/bridge-api.js';

declare global {
  interface Window {
    /** Present only inside the Electron window (electron/preload.ts). */
    readonly shelfbridge?: ShelfbridgeBridge;
  }
}

export function electronBridge(): ShelfbridgeBridge | null {
  return window.shelfbridge ?? null;
}
