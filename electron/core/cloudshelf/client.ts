import type { z } from 'zod';
import { sleep } from '../clock.js';
import { scopedLogger } from '../logging/logger.js';
import { parseRetryAfter, retryPolicy, type RetryPolicy } from '../retry-policy.js';
import * as documents from './documents.js';
import { CloudshelfGraphqlError, CloudshelfHttpError, CloudshelfNetworkError, CloudshelfResponseError } from './errors.js';
import type { LocationInput, ProductInput, StockLevelInput, UpsertVariantsInput } from './inputs.js';
import {
  envelopeSchema,
  locationData,
  productsPageData,
  upsertLocationsData,
  upsertProductsData,
  upsertProductVariantsData,
  upsertStockLevelsData,
  type CloudshelfUserError,
  type RemoteProduct,
} from './schemas.js';

const logger = scopedLogger('cloudshelf');

/**
 * The statuses Cloudshelf's own connector retries (reference/cloudshelf.md), and 429: every
 * operation the agent sends is an idempotent upsert or a read, so a rate limit is safe to wait out.
 */
const RETRY_STATUSES = new Set([429, 499, 502, 503, 504]);

/** As Cloudshelf's own connector: 1.5–5 s before every retry (config retry.cloudshelf can let later waits grow). */
export const defaultCloudshelfRetry = { minMs: 1_500, baseMs: 5_000, capMs: 5_000 } as const;

export interface CloudshelfClientOptions {
  /** The GraphQL endpoint, e.g. https://ingestapi.cloudshelf.ai/graphql. */
  apiUrl: string;
  apiKey: string;
  /** Per attempt. Default 30 s. */
  requestTimeoutMs?: number;
  /** Default 5, as Cloudshelf's own connector. */
  maxAttempts?: number;
  /** Waits between attempts. Default `defaultCloudshelfRetry`. */
  retry?: RetryPolicy;
  /** A Retry-After up to this is waited out exactly; a longer one fails the call. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Default the global fetch; tests wrap it to watch or break requests. */
  fetch?: typeof fetch;
}

/**
 * What Cloudshelf did with one upsert call: the caller's gids it confirmed (for stock levels, the
 * variant gids) and every `userErrors` entry, which the caller must act on.
 */
export interface UpsertOutcome {
  accepted: string[];
  userErrors: CloudshelfUserError[];
}

export interface ProductsPage {
  products: RemoteProduct[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface RemoteLocation {
  id: string;
  platformProvidedId: string | null;
  displayName: string;
}

function networkDetail(err: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer within ${timeoutMs} ms`;
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

function errorMessages(text: string): string {
  try {
    const parsed = envelopeSchema.safeParse(JSON.parse(text));
    const messages = parsed.success ? parsed.data.errors?.map((e) => e.message) : undefined;
    if (messages && messages.length > 0) return messages.join('; ');
  } catch {
    // not JSON: the raw text below
  }
  return text.slice(0, 500) || '(empty body)';
}

const ref = (e: { id: string; platformProvidedId: string | null }): string => e.platformProvidedId ?? e.id;

export class CloudshelfClient {
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly retry: RetryPolicy;
  private readonly maxRetryAfterMs: number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: CloudshelfClientOptions) {
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.retry = options.retry ?? retryPolicy(defaultCloudshelfRetry);
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.fetchFn = options.fetch ?? fetch;
  }

  async upsertLocations(input: LocationInput[]): Promise<UpsertOutcome> {
    const data = await this.request('upsertLocations', documents.UPSERT_LOCATIONS, { input }, upsertLocationsData);
    return { accepted: data.upsertLocations.locations.map(ref), userErrors: data.upsertLocations.userErrors };
  }

  async upsertProducts(input: ProductInput[]): Promise<UpsertOutcome> {
    const data = await this.request('upsertProducts', documents.UPSERT_PRODUCTS, { input }, upsertProductsData);
    return { accepted: data.upsertProducts.products.map(ref), userErrors: data.upsertProducts.userErrors };
  }

  async upsertProductVariants(inputs: UpsertVariantsInput[]): Promise<UpsertOutcome> {
    const data = await this.request('upsertProductVariants', documents.UPSERT_PRODUCT_VARIANTS, { inputs }, upsertProductVariantsData);
    const payload = data.upsertProductVariants;
    return { accepted: payload.productVariants.map(ref), userErrors: payload.userErrors };
  }

  async upsertStockLevels(input: StockLevelInput[]): Promise<UpsertOutcome> {
    const data = await this.request('upsertStockLevels', documents.UPSERT_STOCK_LEVELS, { input }, upsertStockLevelsData);
    const payload = data.upsertStockLevels;
    return { accepted: payload.stockLevels.map((s) => ref(s.productVariant)), userErrors: payload.userErrors };
  }

  async location(id: string): Promise<RemoteLocation | null> {
    return (await this.request('location', documents.LOCATION, { id }, locationData)).location;
  }

  async productsPage(first: number, after: string | null): Promise<ProductsPage> {
    const { products } = await this.request('products', documents.PRODUCTS_PAGE, { first, after }, productsPageData);
    return {
      products: (products.edges ?? []).flatMap((e) => (e.node ? [e.node] : [])),
      endCursor: products.pageInfo?.endCursor ?? null,
      hasNextPage: products.pageInfo?.hasNextPage ?? false,
    };
  }

  /**
   * One GraphQL operation, retried on 429/499/502/503/504 and on network failures (every operation
   * the agent sends is an idempotent upsert or a read), then validated with `dataSchema`. A server
   * asking (Retry-After) for longer than `maxRetryAfterMs` is not waited for inside one call: the
   * call fails and the scheduled push or poll tries again later.
   */
  async request<T extends z.ZodType>(operation: string, query: string, variables: Record<string, unknown>, dataSchema: T): Promise<z.infer<T>> {
    const body = JSON.stringify({ query, variables });
    for (let attempt = 1; ; attempt++) {
      const answer = await this.attempt(operation, body, attempt);
      if (answer.kind === 'answered') return this.parse(operation, answer.status, answer.text, dataSchema, attempt);
      const retryAfterMs = answer.kind === 'network' ? null : answer.retryAfterMs;
      if (attempt >= this.maxAttempts || (retryAfterMs !== null && retryAfterMs > this.maxRetryAfterMs)) {
        throw answer.kind === 'network'
          ? new CloudshelfNetworkError(operation, answer.detail, attempt)
          : new CloudshelfHttpError(operation, answer.status, errorMessages(answer.text), attempt);
      }
      const wait = this.retry.delayHonouring(attempt - 1, retryAfterMs);
      const what = answer.kind === 'network' ? answer.detail : `HTTP ${answer.status}`;
      logger.warn(`${operation}: ${what} on attempt ${attempt}/${this.maxAttempts}; retrying in ${Math.round(wait)} ms`);
      await sleep(wait);
    }
  }

  private async attempt(
    operation: string,
    body: string,
    attempt: number,
  ): Promise<{ kind: 'answered' | 'retryable'; status: number; text: string; retryAfterMs: number | null } | { kind: 'network'; detail: string }> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      const res = await this.fetchFn(this.options.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `token ${this.options.apiKey}` },
        body,
        signal: timeout,
      });
      // The body is read here so a connection cut mid-answer is retried like any network failure.
      const text = await res.text();
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), Date.now());
      return { kind: RETRY_STATUSES.has(res.status) ? 'retryable' : 'answered', status: res.status, text, retryAfterMs };
    } catch (err) {
      const detail = networkDetail(err, timeout.aborted, this.timeoutMs);
      logger.verbose(`${operation}: attempt ${attempt} failed without an answer: ${detail}`);
      return { kind: 'network', detail };
    }
  }

  private parse<T extends z.ZodType>(operation: string, status: number, text: string, dataSchema: T, attempts: number): z.infer<T> {
    if (status < 200 || status >= 300) throw new CloudshelfHttpError(operation, status, errorMessages(text), attempts);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new CloudshelfResponseError(operation, `body is not JSON (${(err as Error).message})`);
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) throw new CloudshelfResponseError(operation, 'not a GraphQL response');
    const errors = envelope.data.errors ?? [];
    if (errors.length > 0) throw new CloudshelfGraphqlError(operation, errors.map((e) => e.message));
    const data = dataSchema.safeParse(envelope.data.data);
    if (!data.success) {
      const first = data.error.issues[0];
      throw new CloudshelfResponseError(operation, `data.${first?.path.join('.') ?? ''}: ${first?.message ?? 'unexpected shape'}`);
    }
    return data.data;
  }
}
