import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock } from '../../src/index.js';
import { vendorShapeProblem } from '../fuzz/vendor-error-shape.js';

/** Sends raw bytes and collects what comes back until the server closes or `waitMs` passes. */
export function rawExchange(port: number, bytes: Buffer | string, waitMs = 2_000): Promise<string> {
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
    socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  });
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
const headerOf = (raw: string, name: string) => new RegExp(`\\r\\n${name}: ([^\\r]*)`, 'i').exec(raw)?.[1] ?? '';
const bodyOf = (raw: string) => raw.slice(raw.indexOf('\r\n\r\n') + 4);

describe("requests Node's HTTP parser refuses get the vendor's error shape when the path names a vendor", async () => {
  const mock = await startMock({ inMemory: true, port: 0 });
  const port = Number(new URL(mock.url).port);
  afterAll(() => mock.close());

  const cases: Array<[what: string, vendor: string, status: number, bytes: string]> = [
    ['a lower-case method', 'emporix', 400, 'get /emporix/return/acme/returns HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a mixed-case method', 'jtl', 400, 'Post /jtl/erp/returns HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a non-ASCII method', 'intershop', 400, 'G\xc9T /intershop/shops/s/return-reasons HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['an unknown method', 'shopctrl', 400, 'FROB /shopctrl/v1/Returns HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['HTTP/9.9', 'emporix', 400, 'GET /emporix/return/acme/returns HTTP/9.9\r\nHost: x\r\n\r\n'],
    ['bare LF line endings', 'jtl', 400, 'POST /jtl/erp/returns HTTP/1.1\nHost: x\n\n'],
    ['a bare LF in the headers', 'intershop', 400, 'GET /intershop/shops/s/return-reasons HTTP/1.1\r\nHost: x\n\n'],
    ['a request line over 16 KiB', 'emporix', 400, `GET /emporix/return/acme/returns/${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['headers over 16 KiB', 'shopctrl', 400, `GET /shopctrl/v1/Returns HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(17_000)}\r\n\r\n`],
    ['an absolute-form target', 'emporix', 400, 'get http://x/emporix/return/acme/returns HTTP/1.1\r\nHost: x\r\n\r\n'],
    [
      'an Expect other than 100-continue',
      'emporix',
      417,
      'POST /emporix/return/acme/returns HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    ],
    ['CONNECT to a vendor path', 'jtl', 405, 'CONNECT /jtl/erp/returns HTTP/1.1\r\nHost: x\r\n\r\n'],
  ];

  it.each(cases)('answers %s in the %s shape', async (_what, vendor, status, bytes) => {
    const answer = await rawExchange(port, bytes);
    expect(statusOf(answer), answer.slice(0, 300)).toBe(status);
    expect(vendorShapeProblem(vendor, status, headerOf(answer, 'content-type'), bodyOf(answer)), answer.slice(0, 300)).toBeUndefined();
  });

  it('answers CONNECT to a host (proxy use) with a JSON 405 instead of closing the connection', async () => {
    const answer = await rawExchange(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expect(statusOf(answer)).toBe(405);
    expect(JSON.parse(bodyOf(answer)).message).toContain('CONNECT');
  });

  it('answers an unknown Expect outside any vendor with a JSON 417 naming the header', async () => {
    const answer = await rawExchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\nConnection: close\r\n\r\n');
    expect(statusOf(answer)).toBe(417);
    expect(JSON.parse(bodyOf(answer)).message).toContain('Expect');
  });

  it('still serves Expect: 100-continue and well-formed requests', async () => {
    const answer = await rawExchange(port, 'GET /emporix/return/acme/returns HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/HTTP\/1\.1 200 OK/);
  });
});
