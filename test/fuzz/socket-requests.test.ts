import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock } from '../../src/index.js';
import { FUZZ_RUNS } from './fuzz-harness.js';
import { vendorShapeProblem } from './vendor-error-shape.js';

const SEED = Number(process.env.RETURNS_MOCK_FUZZ_SEED ?? 20261205);
const RUNS = FUZZ_RUNS || 400;

/** Sends raw bytes and collects the answer until the server closes the connection (bounded by `waitMs`). */
function rawExchange(port: number, bytes: Buffer, waitMs = 5_000): Promise<string> {
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
    socket.on('close', done);
    socket.on('error', done);
    socket.write(bytes);
  });
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'get', 'post', 'Get', 'G\xc9T', 'P\xd6ST', 'FROB', 'M-SEARCH', 'CONNECT', 'GET\x00'];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/9.9', 'HTTP/2.0', 'http/1.1', 'HTTP/1.1x', 'HTTP/1.12', 'HTTP/0.9'];
const PATHS = [
  '/jtl/erp/returns',
  '/intershop/shops/s/return-reasons',
  '/intershop/shops/s/orders/1/return-requests',
  '/emporix/return/acme/returns',
  '/emporix/return/acme/returns/x',
  '/shopctrl/v1/Returns',
  '/shopctrl/v1/Returns/1',
];
const EXTRA_HEADERS = [
  'Expect: 100-continue',
  'Expect: 200-ok',
  'Expect: ',
  'Expect: 100-continue, fancy',
  'Authorization: Bearer t',
  'Authorization: ',
  'saas-token: ',
  'x-admin-token: admin-secret-x',
  'Content-Type: application/json',
  'Bad Header: 1',
  'X-Nul: a\x00b',
  'X-Latin: \xff\xfe',
  'Host: second',
  'Transfer-Encoding: chunked',
  'Content-Length: abc',
];

/** One raw request: each part is picked to be valid or to break exactly what Node's parser or the server checks. */
const rawRequest = fc.record({
  method: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...METHODS) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6 }).filter((m) => !/[\s]/.test(m)) }),
  path: fc.constantFrom(...PATHS),
  absolute: fc.boolean(),
  suffix: fc.constantFrom('', '?pageSize=1', '/%FF', '/..%2F', `/${'a'.repeat(9_000)}`, `/${'a'.repeat(17_000)}`, '\\x'),
  version: fc.oneof({ weight: 3, arbitrary: fc.constant('HTTP/1.1') }, { weight: 2, arbitrary: fc.constantFrom(...VERSIONS) }),
  eol: fc.constantFrom('\r\n', '\r\n', '\n', 'mixed'),
  host: fc.boolean(),
  headers: fc.subarray(EXTRA_HEADERS, { maxLength: 3 }),
  padding: fc.constantFrom(0, 0, 0, 17_000),
});

describe("raw requests over a real socket, Node's parser's refusals included", async () => {
  const mock = await startMock({ inMemory: true, port: 0, headersTimeout: 2_000, requestTimeout: 3_000 });
  const port = Number(new URL(mock.url).port);
  const prefixes = mock.engines.map((engine) => ({ vendor: engine.plugin.id, prefix: engine.plugin.prefix }));
  afterAll(() => mock.close());

  it(
    `answers ${RUNS} raw requests with an HTTP answer below 500, in the vendor's shape when the path names a vendor`,
    async () => {
      const tally = { requests: 0, fiveHundreds: 0, wrongShape: 0, unanswered: 0 };
      await fc.assert(
        fc.asyncProperty(rawRequest, async (r) => {
          const target = `${r.absolute ? 'http://x' : ''}${r.path}${r.suffix}`;
          const [first, rest] = r.eol === 'mixed' ? ['\n', '\r\n'] : [r.eol, r.eol];
          const lines = [
            ...(r.host ? ['Host: x'] : []),
            ...r.headers,
            'Connection: close',
            ...(r.headers.includes('Transfer-Encoding: chunked') ? [] : ['Content-Length: 0']),
            ...(r.padding > 0 ? [`X-Pad: ${'p'.repeat(r.padding)}`] : []),
          ];
          const body = r.headers.includes('Transfer-Encoding: chunked') ? '0\r\n\r\n' : '';
          const head = `${r.method} ${target} ${r.version}${first}${lines.map((line) => `${line}${rest}`).join('')}${rest}`;
          const answer = await rawExchange(port, Buffer.from(head + body, 'latin1'));
          tally.requests += 1;
          const where = `${JSON.stringify(head.slice(0, 160))}: ${JSON.stringify(answer.slice(0, 300))}`;
          const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1]);
          if (Number.isNaN(status)) tally.unanswered += 1;
          expect(status, `no answer to ${where}`).toBeGreaterThanOrEqual(100);
          if (status >= 500) tally.fiveHundreds += 1;
          expect(status, where).toBeLessThan(500);
          const owner = prefixes.find(({ prefix }) => r.path.startsWith(`${prefix}/`));
          const bodyText = answer.slice(answer.indexOf('\r\n\r\n') + 4);
          // A HEAD answer has no body to check; a 100 Continue precedes the real answer, which the regex above skips.
          if (owner !== undefined && status >= 400 && !/^HEAD /.test(head)) {
            const contentType = /\r\ncontent-type: ([^\r]*)/i.exec(answer)?.[1] ?? '';
            const problem = vendorShapeProblem(owner.vendor, status, contentType, bodyText);
            if (problem !== undefined) tally.wrongShape += 1;
            expect(problem, where).toBeUndefined();
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      console.log(`[fuzz] raw socket requests: ${tally.requests}, 5xx: ${tally.fiveHundreds}, wrong vendor shape: ${tally.wrongShape}, unanswered: ${tally.unanswered}`);
    },
    Math.max(120_000, RUNS * 60),
  );
});
