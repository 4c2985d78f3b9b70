import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A 256-bit key and its short public id (stored beside each sealed value to tell keys apart). */
export interface DataKey {
  key: Buffer;
  id: string;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function dataKeyFrom(key: Buffer): DataKey {
  if (key.length !== 32) throw new RangeError('the personal-data key must be 32 bytes');
  // Not the key: a hash of it, so a row can say which key sealed it without revealing anything.
  return { key, id: createHash('sha256').update('shelfbridge/personal-data-key-id').update(key).digest('hex').slice(0, 16) };
}

export function newDataKey(): DataKey {
  return dataKeyFrom(randomBytes(32));
}

/**
 * AES-256-GCM: version byte, 96-bit random IV, 128-bit tag, ciphertext. `context` (the sale id)
 * is authenticated but not stored, so a sealed value copied to another row does not open.
 */
export function seal(k: DataKey, plaintext: string, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', k.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/** The plaintext, or null when this key did not seal it (or the value was altered). */
export function open(k: DataKey, sealed: Buffer, context: string): string | null {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) return null;
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', k.key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
