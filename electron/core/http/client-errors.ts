import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorBody } from '../../../shared/kiosk-api.js';

/**
 * What Node refuses before Fastify sees a request (a request too slow, headers too large,
 * bytes that are not HTTP), answered with the contract's error body like every other refusal
 * (Fastify's default writes its own shape), then the connection is closed.
 */
export function clientErrors(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request_timeout', 'The request did not fully arrive in time; send it again.']
    : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers_too_large', 'The request headers are too large.']
    : [400, 'bad_request', 'The request is not valid HTTP.'];
  const body: ErrorBody = { error: { code, message } };
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
  }
  socket.destroy();
}
