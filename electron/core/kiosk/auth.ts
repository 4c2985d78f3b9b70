import { createHash, timingSafeEqual } from 'node:crypto';

export interface KioskIdentity {
  id: string;
  name?: string | undefined;
}

export function sha256Hex(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Kiosk tokens are kept only as SHA-256; a presented token is hashed and compared in constant time. */
export class KioskTokens {
  private readonly byHash: Array<{ hash: Buffer; kiosk: KioskIdentity }>;

  constructor(kiosks: ReadonlyArray<{ id: string; tokenSha256: string; name?: string | undefined }>) {
    this.byHash = kiosks.map((k) => ({ hash: Buffer.from(k.tokenSha256, 'hex'), kiosk: { id: k.id, name: k.name } }));
  }

  identify(authorization: string | undefined): KioskIdentity | null {
    const match = /^Bearer ([^\s]+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return null;
    const presented = createHash('sha256').update(match[1], 'utf8').digest();
    let found: KioskIdentity | null = null;
    for (const entry of this.byHash) if (timingSafeEqual(entry.hash, presented)) found = entry.kiosk;
    return found;
  }
}
