import type { z } from 'zod';
import { errorBodySchema } from '../../../shared/kiosk-api.js';
import type { AdminConnection } from './connection.js';

/**
 * The one place that talks HTTP to the admin API: bearer token, timeout, the contract's error
 * body turned into a readable message, and every JSON answer checked against a zod schema.
 */

export type FetchLike = (url: string, init: {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  /** Present on a real fetch Response; needed only for downloads (CSV). */
  blob?(): Promise<Blob>;
  /** Present on a real fetch Response; read for the few answers that say something in a header. */
  headers?: { get(name: string): string | null };
  /** Present on a real fetch Response; read for the event stream. */
  body?: ReadableStream<Uint8Array> | null;
}>;

export interface ApiIssue {
  path: string;
  message: string;
}

export class AdminApiError extends Error {
  override name = 'AdminApiError';
  constructor(readonly status: number, message: string, readonly issues: readonly ApiIssue[] = []) {
    super(message);
  }
}

export interface Transport {
  get<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  /** A GET that may take long (the agent builds the answer, reading Stok.ly), with one header. */
  getSlow<T>(path: string, schema: z.ZodType<T>, header: string): Promise<{ data: T; header: string | null }>;
  /** A POST with no body and no Content-Type (the API refuses an empty JSON body). */
  postEmpty<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  postJson<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  /** A DELETE with no body, answered with JSON. */
  deleteJson<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  /** A file behind the token (a plain link cannot send it). */
  download(path: string): Promise<Blob>;
  /** Server-sent events behind the token (EventSource cannot send it): each event's name, until the stream ends. */
  events(path: string, onEvent: (name: string) => void, signal: AbortSignal): Promise<void>;
}

const timeoutMs = 10_000;
/** "Sync now" waits for the whole pull; a slow Stok.ly takes longer than a status call. */
const slowTimeoutMs = 120_000;

export function createTransport(connection: AdminConnection, fetchImpl: FetchLike): Transport {
  type Answer = Awaited<ReturnType<FetchLike>>;

  async function send(method: 'GET' | 'POST' | 'DELETE', path: string, options: { body?: unknown; accept: string; slow?: boolean; signal?: AbortSignal }): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${connection.adminToken}`, accept: options.accept };
    const init: Parameters<FetchLike>[1] = { method, headers, signal: options.signal ?? AbortSignal.timeout(options.slow ? slowTimeoutMs : timeoutMs) };
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    let response: Answer;
    try {
      response = await fetchImpl(new URL(path, connection.adminUrl).href, init);
    } catch {
      throw new AdminApiError(0, `Cannot reach the agent at ${connection.adminUrl}.`);
    }
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => null);
      if (response.status === 401) throw new AdminApiError(401, 'The admin token was refused. Open the link from the agent again.');
      const error = errorBodySchema.safeParse(body);
      if (!error.success) throw new AdminApiError(response.status, `The agent answered ${response.status}.`);
      throw new AdminApiError(response.status, error.data.error.message, error.data.error.issues ?? []);
    }
    return response;
  }

  async function parse<T>(response: Answer, path: string, schema: z.ZodType<T>): Promise<T> {
    const body: unknown = await response.json().catch(() => null);
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new AdminApiError(response.status, `Unexpected answer from ${path.split('?')[0]}; is the agent the same version as this page?`);
    return parsed.data;
  }

  return {
    get: async (path, schema) => parse(await send('GET', path, { accept: 'application/json' }), path, schema),
    getSlow: async (path, schema, header) => {
      const response = await send('GET', path, { accept: 'application/json', slow: true });
      return { data: await parse(response, path, schema), header: response.headers?.get(header) ?? null };
    },
    postEmpty: async (path, schema) => parse(await send('POST', path, { accept: 'application/json', slow: true }), path, schema),
    postJson: async (path, body, schema) => parse(await send('POST', path, { body, accept: 'application/json' }), path, schema),
    deleteJson: async (path, schema) => parse(await send('DELETE', path, { accept: 'application/json' }), path, schema),
    download: async (path) => {
      const response = await send('GET', path, { accept: 'text/csv, */*' });
      if (!response.blob) throw new AdminApiError(response.status, 'This window cannot save files.');
      return response.blob();
    },
    events: async (path, onEvent, signal) => {
      const response = await send('GET', path, { accept: 'text/event-stream', signal });
      if (!response.body) throw new AdminApiError(response.status, 'This window cannot read the agent\'s events.');
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffered = '';
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        if (done) return;
        buffered += decoder.decode(value, { stream: true });
        const frames = buffered.split('\n\n');
        buffered = frames.pop() ?? '';
        for (const frame of frames) {
          const name = /^event: (.+)$/m.exec(frame)?.[1];
          if (name) onEvent(name);
        }
      }
    },
  };
}
