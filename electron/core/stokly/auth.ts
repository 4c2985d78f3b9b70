import { createHmac } from 'node:crypto';
import type { Clock } from '../clock.js';

/** The grant signature: lowercase hex HMAC-SHA256, key = secret key, message = clientId. */
export function grantSignature(secretKey: string, clientId: string): string {
  return createHmac('sha256', secretKey).update(clientId).digest('hex');
}

export interface AccessToken {
  token: string;
  expiresAt: number;
}

/**
 * Holds the access token, renews it ahead of expiry, and shares one grant among concurrent
 * callers so a burst of sends does not ask for a burst of grants.
 */
export class TokenManager {
  private current: AccessToken | null = null;
  private pending: Promise<AccessToken> | null = null;

  constructor(
    private readonly fetchGrant: () => Promise<AccessToken>,
    private readonly clock: Clock,
    private readonly refreshAheadMs = 60_000,
  ) {}

  async token(): Promise<string> {
    const now = this.clock.now();
    if (this.current && this.current.expiresAt - this.refreshAheadMs > now) return this.current.token;
    return (await this.renew()).token;
  }

  /** After a 401 "jwt expired": forget the token so the next call asks for a new one. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = null;
  }

  private renew(): Promise<AccessToken> {
    if (!this.pending) {
      this.pending = this.fetchGrant()
        .then((t) => {
          this.current = t;
          return t;
        })
        .finally(() => {
          this.pending = null;
        });
    }
    return this.pending;
  }
}
