import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock } from '../../src/index.js';
import { startCli } from '../helpers/spawn-cli.js';

interface SlowClient {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
}

/** Opens a connection that sends `head` and then one more header line every `dripMs`, never finishing the request. */
function slowLoris(port: number, head: string, dripMs: number): SlowClient {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk.toString('latin1');
  });
  socket.on('error', () => undefined);
  const drip = setInterval(() => socket.writable && socket.write(`X-Drip: ${Date.now()}\r\n`), dripMs);
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      clearInterval(drip);
      resolve();
    }),
  );
  socket.write(head);
  return { socket, received: () => received, closed };
}

/** Resolves with how many of the promises settled before `ms` passed (bounded: the test never hangs on a live socket). */
async function settledWithin(promises: Promise<void>[], ms: number): Promise<number> {
  let settled = 0;
  const counted = promises.map((p) => p.then(() => void (settled += 1)));
  await Promise.race([Promise.all(counted), new Promise((resolve) => setTimeout(resolve, ms))]);
  return settled;
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
const bodyOf = (raw: string) => raw.slice(raw.indexOf('\r\n\r\n') + 4);
const contentTypeOf = (raw: string) => /\r\ncontent-type: ([^\r]*)/i.exec(raw)?.[1] ?? '';

describe('slow and idle connections are bounded by explicit timeouts; normal clients are not', async () => {
  const mock = await startMock({ inMemory: true, port: 0, headersTimeout: 500, requestTimeout: 1_000, keepAliveTimeout: 300 });
  const port = Number(new URL(mock.url).port);
  const open: Socket[] = [];
  afterAll(async () => {
    for (const socket of open) socket.destroy();
    await mock.close();
  });

  // Node reports a timed-out head without the bytes seen so far, so the path (and the vendor) is unknown: the server's own JSON 408.
  it('closes 45 slow-loris connections with a 408, while a normal client is served', async () => {
    const clients = Array.from({ length: 45 }, () => slowLoris(port, 'GET /emporix/return/acme/returns HTTP/1.1\r\nHost: x\r\n', 100));
    open.push(...clients.map((c) => c.socket));
    const normal = await fetch(`${mock.url}/emporix/return/acme/returns`, { headers: { authorization: 'Bearer t' }, signal: AbortSignal.timeout(10_000) });
    expect(normal.status).toBe(200);
    expect(
      await settledWithin(
        clients.map((c) => c.closed),
        15_000,
      ),
    ).toBe(45);
    for (const client of clients) {
      const answer = client.received();
      expect(statusOf(answer), answer.slice(0, 200)).toBe(408);
      expect(contentTypeOf(answer)).toContain('application/json');
      expect(JSON.parse(bodyOf(answer)).message).toContain('--headers-timeout');
    }
  }, 30_000);

  it('closes a connection whose body trickles in slower than the request timeout', async () => {
    const client = slowLoris(port, 'POST /jtl/erp/returns HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{', 60_000);
    open.push(client.socket);
    const drip = setInterval(() => client.socket.writable && client.socket.write(' '), 100);
    expect(await settledWithin([client.closed], 15_000)).toBe(1);
    clearInterval(drip);
  }, 30_000);

  it('closes an idle keep-alive connection after the keep-alive timeout, having served its request', async () => {
    const socket = connect(port, '127.0.0.1');
    open.push(socket);
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write('GET /emporix/return/acme/returns HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n');
    expect(await settledWithin([closed], 15_000)).toBe(1);
    expect(statusOf(received)).toBe(200);
  }, 30_000);
});

describe('the CLI takes the timeouts as options', () => {
  it('--headers-timeout bounds a slow-loris connection of the real server', async () => {
    const server = await startCli(['--headers-timeout', '400', '--request-timeout', '800', '--keep-alive-timeout', '200', '--log-level', 'error']);
    try {
      const client = slowLoris(Number(new URL(server.url).port), 'GET /shopctrl/v1/Returns HTTP/1.1\r\nHost: x\r\n', 100);
      expect(await settledWithin([client.closed], 15_000)).toBe(1);
      expect(statusOf(client.received())).toBe(408);
    } finally {
      await server.stop();
    }
  }, 40_000);

  it('refuses a headers timeout longer than the request timeout, naming both', async () => {
    await expect(startCli(['--headers-timeout', '5000', '--request-timeout', '1000'], 10_000)).rejects.toThrow(
      /headers timeout \(5000 ms, --headers-timeout\) must not be longer than the request timeout \(1000 ms/,
    );
  }, 20_000);
});
