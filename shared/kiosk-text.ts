import { z } from 'zod';

/**
 * Kiosk contract 1.1, text fields: no control characters (U+0000–U+001F, U+007F–U+009F) and no
 * bidirectional overrides (U+202A–U+202E, U+2066–U+2069). They forge log lines, break CSV
 * exports and disguise a SKU as another on screen.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const FORBIDDEN_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export function isCleanText(value: string): boolean {
  return !FORBIDDEN_TEXT.test(value);
}

/** A kiosk text field of at most `max` characters, checked against the 1.1 rules. */
export function kioskText(max: number, min = 0): z.ZodString {
  let s = z.string();
  if (min > 0) s = s.min(min, 'must not be empty');
  return s.max(max, `must be at most ${max} characters`)
    .regex(new RegExp(`^[^${FORBIDDEN_TEXT.source.slice(1, -1)}]*$`, 'u'), 'must not contain control characters or bidirectional overrides');
}

/** 1.1 bounds: larger values overflow later (Stok.ly, totals) and could never be posted. */
export const MAX_QUANTITY = 100_000;
export const MAX_MINOR_UNITS = 1_000_000_000;
