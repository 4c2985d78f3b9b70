import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { sockets: { requestTimeoutSeconds: 1, keepAliveTimeoutSeconds: 2, maxConnectionsPerAddress: 8, failedAuthPerMinute: 5 } } });
});
afterAll(async () => h.stop());

const portOf = (url: string): number => Number(new URL(url).port);

/** Sends `head` and never finishes the body; resolves with what the server says and whether it closed. */
function slowRequest(port: number, head: string): Promise<{ answer: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('close', () => resolve({ answer, closed: true }));
    socket.on('error', () => undefined);
  });
}

it('a body that never finishes arriving: 408 and the connection closed', async () => {
  const head = 'POST /v1/sales HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer token-for-kiosk-01\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"saleId":';
  const { answer, closed } = await slowRequest(portOf(h.agent.kioskUrl), head);
  expect(answer).toMatch(/^HTTP\/1\.1 408/);
  expect(closed).toBe(true);
});

it('headers that never finish: 408 on the admin port too', async () => {
  const { answer, closed } = await slowRequest(portOf(h.agent.adminUrl), 'GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  expect(answer).toMatch(/^HTTP\/1\.1 408/);
  expect(closed).toBe(true);
});

it('an idle keep-alive connection is closed by the agent', async () => {
  const closed = await new Promise<boolean>((resolve) => {
    const socket = connect(portOf(h.agent.kioskUrl), '127.0.0.1', () => socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n'));
    socket.on('data', () => undefined);
    socket.on('close', () => resolve(true));
  });
  expect(closed).toBe(true);
});

it('failed authentications: 429 with Retry-After after the limit, even for the right token', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await fetch(`${h.agent.kioskUrl}/v1/stock?sku=A`, { headers: { authorization: `Bearer guess-${i}` } });
    statuses.push(res.status);
  }
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  const blocked = await fetch(`${h.agent.kioskUrl}/v1/stock?sku=A`, { headers: { authorization: 'Bearer token-for-kiosk-01' } });
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  // /health stays open to monitoring.
  expect((await fetch(`${h.agent.kioskUrl}/health`)).status).toBe(200);
});

it('admin: another Host header is refused (DNS rebinding); frames are forbidden', async () => {
  const port = portOf(h.agent.adminUrl);
  const raw = (host: string) => new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET /api/status HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${h.agent.adminToken}\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('close', () => resolve(answer));
  });
  expect(await raw(`evil.example:${port}`)).toMatch(/^HTTP\/1\.1 421/);
  expect(await raw(`127.0.0.1:${port + 1}`)).toMatch(/^HTTP\/1\.1 421/);
  const ok = await raw(`127.0.0.1:${port}`);
  expect(ok).toMatch(/^HTTP\/1\.1 200/);
  expect(ok.toLowerCase()).toContain("content-security-policy: frame-ancestors 'none'");
});

it('connections beyond the cap per address are closed at once', async () => {
  const port = portOf(h.agent.kioskUrl);
  const results = await Promise.all(Array.from({ length: 12 }, () => new Promise<'closed' | 'open'>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('open');
    }, 300);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve('closed');
    });
    socket.on('error', () => undefined);
  })));
  expect(results.filter((r) => r === 'closed').length).toBeGreaterThanOrEqual(4);
});
