import type { TrayTone } from './tray-status.js';

/** Colour per tone; the tooltip carries the words, the dot only says "look" at a glance. */
const colours: Record<TrayTone, readonly [number, number, number]> = {
  ok: [0x1a, 0x7f, 0x37],
  degraded: [0xb3, 0x59, 0x00],
  down: [0xc6, 0x28, 0x28],
  starting: [0x6b, 0x6b, 0x6b],
};

/**
 * A filled circle as raw BGRA pixels for nativeImage.createFromBitmap: no image files to
 * ship or find inside the asar archive.
 */
export function trayIconBitmap(tone: TrayTone, size = 16): Buffer {
  const [r, g, b] = colours[tone];
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  const radius = size / 2 - 0.5;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const inside = Math.hypot(x - centre, y - centre) <= radius;
      const at = (y * size + x) * 4;
      pixels[at] = inside ? b : 0;
      pixels[at + 1] = inside ? g : 0;
      pixels[at + 2] = inside ? r : 0;
      pixels[at + 3] = inside ? 0xff : 0;
    }
  }
  return pixels;
}
