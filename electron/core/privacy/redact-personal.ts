import type { PersonalData } from '../../../shared/delivery.js';

const MASK = '[personal data]';
/** Shorter values ("GB", a one-letter initial) are too common to hide and reveal nothing alone. */
const MIN_LENGTH = 3;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Stok.ly may quote what it was sent in an error ("postcode 'LS1 7QX' is invalid"): such a
 * message is kept on the outbox row, shown in the window and logged, so the sale's own customer
 * and delivery values are replaced in it first. Longest first, so a full name goes before a part.
 */
export function redactPersonal(text: string, data: PersonalData): string {
  const values = [...Object.values(data.customer ?? {}), ...Object.values(data.delivery ?? {})]
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter((v) => v.length >= MIN_LENGTH)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const v of new Set(values)) out = out.replace(new RegExp(escapeRegExp(v), 'gi'), MASK);
  return out;
}
