import { sleep } from '../../electron/core/clock.js';
import type { Sale } from '../../shared/kiosk-api.js';

export interface PostResult {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

/** A kiosk's side of the LAN API: post a document, and keep resending until it is acknowledged. */
export class KioskClient {
  constructor(
    readonly baseUrl: string,
    readonly kioskId: string,
    private readonly token: string,
  ) {}

  async post(path: string, document: unknown, timeoutMs = 10_000): Promise<PostResult> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(document),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep the text
    }
    return { status: res.status, body, retryAfter: res.headers.get('retry-after') };
  }

  postSale(sale: Sale): Promise<PostResult> {
    return this.post('/v1/sales', sale);
  }

  /**
   * What a kiosk with an offline cache does: resend until 201/200, waiting on 429/503 and on
   * network errors. A 4xx other than those is final (the kiosk software has a bug to fix).
   */
  async deliver(path: string, document: unknown, options: { maxTries?: number; pauseMs?: number } = {}): Promise<PostResult> {
    const maxTries = options.maxTries ?? 1_000;
    let last: PostResult | null = null;
    for (let i = 0; i < maxTries; i++) {
      try {
        last = await this.post(path, document);
        if (last.status === 201 || last.status === 200) return last;
        if (last.status !== 429 && last.status !== 503) return last;
        const wait = Number(last.retryAfter ?? '1') * 1000;
        await sleep(Math.min(wait, options.pauseMs ?? wait));
      } catch {
        await sleep(options.pauseMs ?? 200);
      }
    }
    if (last) return last;
    throw new Error(`kiosk ${this.kioskId}: no answer from ${this.baseUrl} after ${maxTries} tries`);
  }
}
