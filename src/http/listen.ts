import type { AddressInfo, Socket } from 'node:net';
import { createServer, STATUS_CODES } from 'node:http';
import type { HttpResponse } from '../core/http.js';
import { getRequestListener, RequestError } from '@hono/node-server';
import type { Hono } from 'hono';
import { targetOf, type ClientErrorRenderer } from './render-client-error.js';

export type { ClientErrorRenderer } from './render-client-error.js';

export interface Listening {
  port: number;
  host: string;
  close(): Promise<void>;
}


/** Writes a whole HTTP/1.1 answer on a socket the parser gave up on, then closes it. */
function answerOnSocket(socket: Socket, response: HttpResponse): void {
  const body = Buffer.from(response.body ?? '');
  const headers = Object.entries({ ...response.headers, 'content-length': String(body.length), connection: 'close' }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}\r\n${headers.join('')}\r\n`, 'latin1'), body]));
}

/** Serves the app on a host and port (0 = any free port) and resolves once it listens. */
export function listen(app: Hono, port: number, host: string, renderClientError?: ClientErrorRenderer): Promise<Listening> {
  /** The target of the request being turned into a `Request`: the adapter reports a failure of that step synchronously. */
  let adapting: string | undefined;
  const adapt = getRequestListener(app.fetch, {
    hostname: host,
    // Hono's adapter refuses some requests Node parsed (an invalid Host, a backslash in the path) with a bare 400;
    // the client gets the vendor's error shape instead. Any other failure is answered, never left hanging.
    errorHandler: (error) => {
      if (!(error instanceof RequestError) || renderClientError === undefined) return new Response(null, { status: error instanceof RequestError ? 400 : 500 });
      const response = renderClientError({ code: 'request.unreadable', reason: error.message, target: adapting });
      return new Response(response.body ?? null, { status: response.status, headers: response.headers });
    },
  });
  const server = createServer((incoming, outgoing) => {
    adapting = incoming.url;
    void adapt(incoming, outgoing);
    adapting = undefined;
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        host,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets would hold close() open until they time out.
            server.closeAllConnections();
          }),
      });
    });
    // Node would answer an unparseable request with a bare status and no body; the client gets the vendor's error shape instead.
    server.on('clientError', (error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket) => {
      if (!socket.writable || error.code === 'ECONNRESET' || renderClientError === undefined) {
        socket.destroy();
        return;
      }
      answerOnSocket(socket, renderClientError({ code: error.code ?? 'unknown', target: targetOf(error.rawPacket) }));
    });
  });
}
