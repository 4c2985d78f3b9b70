import { EventEmitter } from 'node:events';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import { scopedLogger } from '../logging/logger.js';
import { grantSignature, TokenManager, type AccessToken } from './auth.js';
import { StoklyHttpError, StoklyNetworkError, StoklyResponseError } from './errors.js';
import { filterParam, type Filter } from './filter.js';
import { RateGate, stoklyRetryAfter } from './rate-gate.js';
import { errorBodySchema, grantResponseSchema, listEnvelope } from './schemas.js';

const logger = scopedLogger('stokly');

export interface StoklyClientOptions {
  baseUrl: string;
  accountKey: string;
  clientId: string;
  secretKey: string;
  requestTimeoutMs: number;
  maxRequestsPerMinute: number;
  rateLimitPauseSeconds: number;
  clock: Clock;
}

export interface RequestOptions {
  query?: Record<string, string | number>;
  filter?: Filter;
  body?: unknown;
  signal?: AbortSignal;
}

/** Network errors where the request surely never reached Stok.ly. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function networkCode(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: string } }).cause;
  return cause?.code ?? (err as { code?: string }).code;
}

/** What each request to Stok.ly took, for the metrics (bounded: no path, no ids). */
export interface StoklyRequestTiming {
  seconds: number;
  /** '2xx'…'5xx', or 'network' when no answer came. */
  outcome: '2xx' | '3xx' | '4xx' | '5xx' | 'network';
}

/** Events: 'online' / 'offline' when reachability changes; 'request' (StoklyRequestTiming) after each answer or failure. */
export class StoklyClient extends EventEmitter {
  readonly gate: RateGate;
  private readonly tokens: TokenManager;
  private reachable: boolean | null = null;
  private lastContactAt: number | null = null;

  constructor(private readonly options: StoklyClientOptions) {
    super();
    this.gate = new RateGate(options.maxRequestsPerMinute, options.clock);
    this.tokens = new TokenManager(() => this.grant(), options.clock);
  }

  get online(): boolean {
    return this.reachable === true;
  }

  /** The last request got no answer (or a 5xx): known to be down, not merely not yet tried. */
  get offline(): boolean {
    return this.reachable === false;
  }

  get lastContact(): number | null {
    return this.lastContactAt;
  }

  async get<T extends z.ZodType>(path: string, schema: T, opts: RequestOptions = {}): Promise<z.infer<T>> {
    return this.request('GET', path, schema, opts);
  }

  async post<T extends z.ZodType>(path: string, body: unknown, schema: T, opts: RequestOptions = {}): Promise<z.infer<T>> {
    return this.request('POST', path, schema, { ...opts, body });
  }

  /**
   * Every page of a list, `size` at a time; stops at the first short page. While the caller
   * stores one page the next is already on its way (one page ahead, no more), so a 50-page pull
   * costs about the network's time rather than network plus storing.
   */
  async *pages<T extends z.ZodType>(path: string, item: T, opts: RequestOptions & { size?: number } = {}): AsyncGenerator<Array<z.infer<T>>> {
    const size = opts.size ?? 1000;
    const envelope = listEnvelope(item);
    const fetchPage = (page: number) => this.get(path, envelope, { ...opts, query: { ...opts.query, page, size } });
    let next = fetchPage(0);
    try {
      for (let page = 0; ; page++) {
        const res = await next;
        const full = res.data.length >= size;
        if (full) next = fetchPage(page + 1);
        yield res.data as Array<z.infer<T>>;
        if (!full) return;
      }
    } finally {
      // A caller that stopped early (or failed storing) never reads the page fetched ahead: its failure is not an error of anyone's.
      next.catch(() => undefined);
    }
  }

  async request<T extends z.ZodType>(method: string, path: string, schema: T, opts: RequestOptions = {}): Promise<z.infer<T>> {
    let token = await this.tokens.token();
    let res = await this.send(method, path, opts, token);
    if (res.status === 401) {
      const message = await this.errorMessage(res);
      // Expired between our check and Stok.ly's: one new grant, one repeat.
      if (/jwt expired/i.test(message)) {
        this.tokens.invalidate(token);
        token = await this.tokens.token();
        res = await this.send(method, path, opts, token);
      } else {
        throw new StoklyHttpError(401, message, method, path);
      }
    }
    return this.parse(method, path, res, schema);
  }

  private async grant(): Promise<AccessToken> {
    const { accountKey, clientId, secretKey } = this.options;
    const body = { accountkey: accountKey, clientId, signature: grantSignature(secretKey, clientId) };
    const res = await this.send('POST', '/v1/grant', { body }, null);
    const parsed = await this.parse('POST', '/v1/grant', res, grantResponseSchema);
    const expiresAt = Date.parse(parsed.data.authenticationResult.expiry);
    if (Number.isNaN(expiresAt)) throw new StoklyResponseError('POST', '/v1/grant', `expiry "${parsed.data.authenticationResult.expiry}" is not a time`);
    logger.info(`grant ok, token valid until ${parsed.data.authenticationResult.expiry}`);
    return { token: parsed.data.authenticationResult.accessToken, expiresAt };
  }

  private url(path: string, opts: RequestOptions): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.query ?? {})) params.set(k, String(v));
    const filter = opts.filter ? `${filterParam(opts.filter)}` : '';
    const qs = [filter, params.toString()].filter(Boolean).join('&');
    return `${this.options.baseUrl.replace(/\/$/, '')}${path}${qs ? `?${qs}` : ''}`;
  }

  private async send(method: string, path: string, opts: RequestOptions, token: string | null): Promise<Response> {
    await this.gate.acquire(opts.signal);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(this.options.requestTimeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    let res: Response;
    const started = performance.now();
    try {
      res = await fetch(this.url(path, opts), {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal,
      });
    } catch (err) {
      const code = networkCode(err);
      const detail = timeout.aborted ? `no answer within ${this.options.requestTimeoutMs} ms` : code ?? (err as Error).message;
      this.timed(started, 'network');
      this.setReachable(false);
      throw new StoklyNetworkError(method, path, detail, !(code && NOT_SENT_CODES.has(code)));
    }
    this.timed(started, `${Math.min(5, Math.max(2, Math.floor(res.status / 100)))}xx` as StoklyRequestTiming['outcome']);
    this.setReachable(res.status < 500);
    this.noteRateLimit(res);
    return res;
  }

  private noteRateLimit(res: Response): void {
    const now = this.options.clock.now();
    if (res.status === 429) {
      const wait = stoklyRetryAfter(res.headers.get('retry-after'), now) ?? this.options.rateLimitPauseSeconds * 1000;
      this.gate.pauseUntil(now + wait);
      logger.warn(`429 from Stok.ly: pausing every request for ${Math.ceil(wait / 1000)} s`);
      return;
    }
    const remaining = Number(res.headers.get('x-ratelimit-remaining'));
    if (res.headers.has('x-ratelimit-remaining') && Number.isFinite(remaining) && remaining <= 3) {
      this.gate.pauseUntil(now + this.options.rateLimitPauseSeconds * 1000);
      logger.warn(`x-ratelimit-remaining is ${remaining}: pausing for ${this.options.rateLimitPauseSeconds} s`);
    }
  }

  private timed(started: number, outcome: StoklyRequestTiming['outcome']): void {
    const timing: StoklyRequestTiming = { seconds: (performance.now() - started) / 1000, outcome };
    this.emit('request', timing);
  }

  private setReachable(value: boolean): void {
    if (value) this.lastContactAt = this.options.clock.now();
    if (this.reachable === value) return;
    this.reachable = value;
    this.emit(value ? 'online' : 'offline');
  }

  private async errorMessage(res: Response): Promise<string> {
    const text = await res.text().catch(() => '');
    try {
      const parsed = errorBodySchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data.message;
    } catch {
      // not JSON: fall through to the raw text
    }
    return text.slice(0, 500) || res.statusText;
  }

  private async parse<T extends z.ZodType>(method: string, path: string, res: Response, schema: T): Promise<z.infer<T>> {
    if (!res.ok) {
      const message = await this.errorMessage(res);
      const retryAfter = res.status === 429 ? stoklyRetryAfter(res.headers.get('retry-after'), this.options.clock.now()) : null;
      throw new StoklyHttpError(res.status, message, method, path, retryAfter);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch (err) {
      throw new StoklyResponseError(method, path, `body is not JSON (${(err as Error).message})`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new StoklyResponseError(method, path, `${first?.path.join('.') || 'body'}: ${first?.message ?? 'unexpected shape'}`);
    }
    return parsed.data;
  }
}
