import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/kiosk-api.js';
import { startHarness, type Harness } from '../support/harness.js';

/** The metrics LAN listener (metrics.host/port) has the socket limits of the kiosk and admin servers. */
const METRICS_TOKEN = 'metrics-token-for-limits-0123';
let h: Harness;
let port: number;
beforeAll(async () => {
  h = await startHarness({
    config: {
      metrics: { host: '127.0.0.1', port: 0, token: METRICS_TOKEN },
      sockets: { requestTimeoutSeconds: 2, keepAliveTimeoutSeconds: 2, maxConnectionsPerAddress: 4, failedAuthPerMinute: 5 },
    },
  });
  port = Number(new URL(h.agent.metricsUrl!).port);
});
afterAll(async () => h.stop());

/** Sends `head` and waits for the server to close the connection; resolves with what it said. */
function untilClosed(head: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => undefined);
  });
}

const bodyOf = (answer: string) => errorBodySchema.parse(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)));

it('headers that never finish: 408 with the JSON error, and the connection closed', async () => {
  const answer = await untilClosed('GET /metrics HTTP/1.1\r\nHost: x\r\n');
  expect(answer).toMatch(/^HTTP\/1\.1 408/);
  expect(bodyOf(answer).error.code).toBe('request_timeout');
});

it('bytes that are not HTTP, and headers past 16 KiB: 400 and 431 with the JSON error', async () => {
  const garbage = await untilClosed('HELLO \u0000 THERE\r\n\r\n');
  expect(garbage).toMatch(/^HTTP\/1\.1 400/);
  expect(bodyOf(garbage).error.code).toBe('bad_request');
  const huge = await untilClosed(`GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`);
  expect(huge).toMatch(/^HTTP\/1\.1 431/);
  expect(bodyOf(huge).error.code).toBe('headers_too_large');
});

it('an idle keep-alive connection is closed by the agent after its answer', async () => {
  const answer = await untilClosed(`GET /metrics HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${METRICS_TOKEN}\r\n\r\n`);
  expect(answer).toMatch(/^HTTP\/1\.1 200/);
});

it('wrong tokens: 401, then 429 with Retry-After, even for the right token; a malformed URL gets the JSON error', async () => {
  const url = h.agent.metricsUrl!;
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await fetch(url, { headers: { authorization: `Bearer guess-${i}` } })).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401]);
  const blocked = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(errorBodySchema.parse(await blocked.json()).error.code).toBe('rate_limited');
  const bad = await untilClosed('GET /%/% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  expect(bad).toMatch(/^HTTP\/1\.1 400/);
  expect(bodyOf(bad).error.code).toBe('bad_request');
});

it('connections beyond the cap per address are closed by the agent at once', async () => {
  // Four held open (each has sent half a request line), then one more: the agent closes it
  // without a word (an answer would mean it was served).
  const held = await Promise.all(Array.from({ length: 4 }, () => new Promise<ReturnType<typeof connect>>((resolve) => {
    const s = connect(port, '127.0.0.1', () => {
      s.write('GET /metr');
      resolve(s);
    });
    s.on('error', () => undefined);
  })));
  const extra = await untilClosed('GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n');
  expect(extra).toBe('');
  for (const s of held) s.destroy();
});
