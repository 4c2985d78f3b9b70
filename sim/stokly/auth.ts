import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export interface Credentials {
  accountKey: string;
  clientId: string;
  secretKey: string;
}

export interface Grant {
  accessToken: string;
  expiry: string;
}

export type TokenCheck = { ok: true } | { ok: false; message: 'Unauthorized' | 'jwt expired' };

/** The signature a client must send to /v1/grant: lowercase hex HMAC-SHA256(secretKey, clientId). */
export function grantSignature(secretKey: string, clientId: string): string {
  return createHmac('sha256', secretKey).update(clientId).digest('hex');
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * Issues and checks access tokens. Tokens look like JWTs (clients must treat them as opaque)
 * and are only valid if this issuer made them: one sandbox's token is refused by another.
 */
export class TokenIssuer {
  private readonly signingKey = randomBytes(32);
  private readonly tokens = new Map<string, { expiresAt: number; revoked: boolean }>();

  constructor(
    private readonly credentials: Credentials,
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  /** Null when the account, client or signature is wrong. */
  grant(accountKey: string, clientId: string, signature: string): Grant | null {
    const expected = Buffer.from(grantSignature(this.credentials.secretKey, this.credentials.clientId));
    const given = Buffer.from(signature);
    const signatureOk = given.length === expected.length && timingSafeEqual(given, expected);
    if (accountKey !== this.credentials.accountKey || clientId !== this.credentials.clientId || !signatureOk) return null;

    const issuedAt = this.now();
    const expiresAt = issuedAt + this.ttlSeconds * 1000;
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(JSON.stringify({
      sub: clientId, account: accountKey, jti: randomUUID(),
      iat: Math.floor(issuedAt / 1000), exp: Math.floor(expiresAt / 1000),
    }));
    const signed = `${header}.${payload}`;
    const accessToken = `${signed}.${base64url(createHmac('sha256', this.signingKey).update(signed).digest())}`;
    this.tokens.set(accessToken, { expiresAt, revoked: false });
    return { accessToken, expiry: new Date(expiresAt).toISOString() };
  }

  check(authorization: string | undefined): TokenCheck {
    const match = /^Bearer +(\S+)$/i.exec(authorization ?? '');
    const token = match?.[1] === undefined ? undefined : this.tokens.get(match[1]);
    if (!token) return { ok: false, message: 'Unauthorized' };
    if (token.revoked || this.now() >= token.expiresAt) return { ok: false, message: 'jwt expired' };
    return { ok: true };
  }

  /** Every token issued so far answers "jwt expired" from now on; later grants work. */
  expireAll(): number {
    let count = 0;
    for (const token of this.tokens.values()) {
      if (!token.revoked) { token.revoked = true; count++; }
    }
    return count;
  }
}
