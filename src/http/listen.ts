import type { AddressInfo, Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { HttpResponse } from '../core/http.js';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface Listening {
  port: number;
  host: string;
  close(): Promise<void>;
}

/** Answers a request Node's parser refused (code like `HPE_HEADER_OVERFLOW`, the raw bytes read so far). */
export type ClientErrorRenderer = (code: string, rawPacket: Buffer | undefined) => HttpResponse;

/** Writes a whole HTTP/1.1 answer on a socket the parser gave up on, then closes it. */
function answerOnSocket(socket: Socket, response: HttpResponse): void {
  const body = Buffer.from(response.body ?? '');
  const headers = Object.entries({ ...response.headers, 'content-length': String(body.length), connection: 'close' }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}\r\n${headers.join('')}\r\n`, 'latin1'), body]));
}

/** Serves the app on a host and port (0 = any free port) and resolves once it listens. */
export function listen(app: Hono, port: number, host: string, renderClientError?: ClientErrorRenderer): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        host,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
    // Node would answer an unparseable request with a bare status and no body; the client gets the vendor's error shape instead.
    server.on('clientError', (error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket) => {
      if (!socket.writable || error.code === 'ECONNRESET' || renderClientError === undefined) {
        socket.destroy();
        return;
      }
      answerOnSocket(socket, renderClientError(error.code ?? 'unknown', error.rawPacket));
    });
  });
}
