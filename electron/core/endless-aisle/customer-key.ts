import { createHash, createHmac } from 'node:crypto';
import type { PersonalData } from '../../../shared/delivery.js';

/** "  A.Buyer@Example.COM " and "a.buyer@example.com" are one customer. */
export function normaliseEmail(email: string): string {
  return email.replace(/\s+/g, '').toLowerCase();
}

const normaliseName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
const normalisePostcode = (postcode: string): string => postcode.replace(/\s+/g, '').toUpperCase();

/** The HMAC key for customer barcodes, derived from a secret the store already keeps. */
export function customerKeyFrom(secret: string): Buffer {
  return createHash('sha256').update('shelfbridge/customer-barcode\u0000').update(secret).digest();
}

/**
 * Our key for the Stok.ly customer (`barcode`): a keyed hash of the normalised email, or of name
 * and postcode when there is no email. Keyed, so the barcode in Stok.ly does not reveal the email
 * to anyone who can guess it. null when there is nothing to key on.
 */
export function customerBarcode(key: Buffer, data: PersonalData): string | null {
  const email = data.customer?.email?.trim() || data.delivery?.email?.trim();
  let subject: string | null = null;
  if (email) subject = `email:${normaliseEmail(email)}`;
  else {
    const name = data.delivery?.name ?? data.customer?.name;
    const postcode = data.delivery?.postcode;
    if (name && postcode) subject = `name-postcode:${normaliseName(name)}\u0000${normalisePostcode(postcode)}`;
  }
  if (subject === null) return null;
  return `sb1-${createHmac('sha256', key).update(subject).digest('hex').slice(0, 40)}`;
}
