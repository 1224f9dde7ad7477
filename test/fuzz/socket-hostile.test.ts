import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from '../helpers/spawn-cli.js';
import { vendorShapeProblem } from './vendor-error-shape.js';

/** Sends raw bytes and collects what comes back until the server closes or `waitMs` passes. */
function rawExchange(port: number, bytes: Buffer, waitMs = 2_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('end', done);
    socket.on('error', done);
    socket.write(bytes);
  });
}

/** Opens a connection, sends part of a request, and hangs up before the announced body is complete. */
function hangUpMidBody(port: number, head: string, partial: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head + partial);
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 100);
    });
    socket.on('error', () => resolve());
  });
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
const headerOf = (raw: string, name: string) => new RegExp(`\\r\\n${name}: ([^\\r]*)`, 'i').exec(raw)?.[1] ?? '';
const bodyOf = (raw: string) => raw.slice(raw.indexOf('\r\n\r\n') + 4);

describe('requests only a socket can send, against the real CLI', async () => {
  const server = await startCli(['--log-level', 'error']);
  const port = Number(new URL(server.url).port);
  afterAll(() => server.stop());

  const cases: Array<[string, string, Buffer]> = [
    ['oversized headers', 'emporix', Buffer.from(`GET /emporix/return/acme/returns HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`)],
    ['a NUL byte in a header', 'jtl', Buffer.from('GET /jtl/erp/returns HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\u0000\r\n\r\n', 'latin1')],
    ['a header name with a space', 'intershop', Buffer.from('GET /intershop/shops/x/return-reasons HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n')],
    // Node parses these; Hono's adapter cannot make a `Request` of them.
    ['an invalid Host header', 'emporix', Buffer.from('GET /emporix/return/acme/returns HTTP/1.1\r\nHost: a b\r\nAuthorization: Bearer t\r\nConnection: close\r\n\r\n')],
    ['a backslash in the path', 'shopctrl', Buffer.from('POST /shopctrl/v1\\Returns HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')],
  ];

  it.each(cases)("refuses %s with a 400 in the vendor's shape", async (_what, vendor, bytes) => {
    const answer = await rawExchange(port, bytes);
    expect(statusOf(answer)).toBe(400);
    expect(vendorShapeProblem(vendor, 400, headerOf(answer, 'content-type'), bodyOf(answer))).toBeUndefined();
  });

  it('answers invalid UTF-8 and dot segments in the path with a 4xx in the vendor shape', async () => {
    for (const target of [
      '/emporix/return/acme/returns/%FF%FE',
      '/emporix/return/acme/returns/\xff\xfe',
      '/emporix/return/acme/returns/..%2F..%2Fetc',
      '/emporix/return/acme/returns/%00',
      '/emporix/return/acme/returns/%C3%BC%E2%82%AC',
    ]) {
      const answer = await rawExchange(port, Buffer.from(`GET ${target} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nConnection: close\r\n\r\n`, 'latin1'));
      const status = statusOf(answer);
      expect(status, target).toBeGreaterThanOrEqual(400);
      expect(status, target).toBeLessThan(500);
      expect(vendorShapeProblem('emporix', status, headerOf(answer, 'content-type'), bodyOf(answer)), target).toBeUndefined();
    }
  });

  it('survives clients that hang up mid-body or lie about the length, logging no error, and keeps answering', async () => {
    const head = (length: number) =>
      `POST /emporix/return/acme/returns HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
    for (let i = 0; i < 20; i += 1) await hangUpMidBody(port, head(1_000), '{"orders":[');
    // A body shorter than announced, then silence: the server waits for the rest; the client gives up.
    await rawExchange(port, Buffer.from(`${head(50)}{}`), 300);
    // A body longer than announced: the surplus is the next request, which is not HTTP.
    const surplus = await rawExchange(port, Buffer.from(`${head(2)}{}GARBAGE\r\n\r\n`));
    expect(statusOf(surplus)).toBe(400);
    const alive = await fetch(`${server.url}/emporix/return/acme/returns`, { headers: { authorization: 'Bearer t' } });
    expect(alive.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toContain('unexpected error');
  });
});
