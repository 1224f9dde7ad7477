import { CORE_RULES } from '../core/core-rules.js';
import type { AddressInfo, Socket } from 'node:net';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
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

/** How long a connection may take, in milliseconds: what bounds slow and idle clients (slow-loris). */
export interface ConnectionTimeouts {
  /** To send the whole request head (`--headers-timeout`); answered 408. */
  headersMs: number;
  /** To send the whole request, body included (`--request-timeout`); answered 408. At least `headersMs`. */
  requestMs: number;
  /** An idle keep-alive connection is closed after this (`--keep-alive-timeout`). */
  keepAliveMs: number;
}

/** 10 s for the head, 30 s for the whole request (a 1 MiB body at 35 KiB/s), 5 s idle between requests. */
export const DEFAULT_TIMEOUTS: ConnectionTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };

/** Writes a whole HTTP/1.1 answer on a socket the parser gave up on, then closes it. */
function answerOnSocket(socket: Socket, response: HttpResponse): void {
  const body = Buffer.from(response.body ?? '');
  const headers = Object.entries({ ...response.headers, 'content-length': String(body.length), connection: 'close' }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}\r\n${headers.join('')}\r\n`, 'latin1'), body]));
}

/** Writes a whole answer through Node's response object (the request head was parsed) and closes the connection after it. */
function answerOnResponse(outgoing: ServerResponse, response: HttpResponse): void {
  const body = Buffer.from(response.body ?? '');
  outgoing.shouldKeepAlive = false;
  outgoing.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  outgoing.end(body);
}

/** A bare answer when no renderer is given (the app is served without vendors' shapes). */
const plainRefusal = (status: number): HttpResponse => ({ status, headers: {}, body: undefined });

/** Serves the app on a host and port (0 = any free port) and resolves once it listens. */
export function listen(app: Hono, port: number, host: string, renderClientError?: ClientErrorRenderer, timeouts: ConnectionTimeouts = DEFAULT_TIMEOUTS): Promise<Listening> {
  if (timeouts.headersMs > timeouts.requestMs)
    return Promise.reject(new Error(`the headers timeout (${timeouts.headersMs} ms) must not be longer than the request timeout (${timeouts.requestMs} ms)`));
  /** The target of the request being turned into a `Request`: the adapter reports a failure of that step synchronously. */
  let adapting: string | undefined;
  const adapt = getRequestListener(app.fetch, {
    hostname: host,
    // Hono's adapter refuses some requests Node parsed (an invalid Host, a backslash in the path) with a bare 400;
    // the client gets the vendor's error shape instead. Any other failure is answered, never left hanging.
    errorHandler: (error) => {
      if (!(error instanceof RequestError) || renderClientError === undefined) return new Response(null, { status: error instanceof RequestError ? 400 : 500 });
      const response = renderClientError({ code: CORE_RULES.requestUnreadable.code, reason: error.message, target: adapting });
      return new Response(response.body ?? null, { status: response.status, headers: response.headers });
    },
  });
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      // Node checks the two timeouts above only this often (default 30 s): a slow client would outlive them by that much.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 2))),
      requireHostHeader: false,
    },
    (incoming, outgoing) => {
      // RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400; Node's own would have no body, this one has the vendor's shape.
      if (incoming.httpVersion === '1.1' && incoming.headers.host === undefined) {
        answerOnResponse(outgoing, refuse('host.missing', incoming.url));
        return;
      }
      adapting = incoming.url;
      void adapt(incoming, outgoing);
      adapting = undefined;
    },
  );
  server.keepAliveTimeout = timeouts.keepAliveMs;
  const refuse = (code: string, target: string | undefined) => (renderClientError === undefined ? plainRefusal(REFUSAL_STATUS[code] ?? 400) : renderClientError({ code, target }));
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
      if (!socket.writable || error.code === 'ECONNRESET') {
        socket.destroy();
        return;
      }
      answerOnSocket(socket, refuse(error.code ?? 'unknown', targetOf(error.rawPacket)));
    });
    // Node would answer an Expect it does not know with a bare 417; the vendor's shape instead. `100-continue` never comes here.
    server.on('checkExpectation', (incoming: IncomingMessage, outgoing: ServerResponse) => {
      answerOnResponse(outgoing, refuse('expect.unsupported', incoming.url));
    });
    // Node hands CONNECT over as a raw socket and would otherwise close it unanswered: this server is no proxy.
    server.on('connect', (incoming: IncomingMessage, socket: Socket) => {
      const response = refuse('method.connect', incoming.url);
      answerOnSocket(socket, { ...response, headers: { ...response.headers, allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS' } });
    });
  });
}

/** Statuses of the server's own refusals when no renderer gives the vendor's shape. */
const REFUSAL_STATUS: Record<string, number> = { ERR_HTTP_REQUEST_TIMEOUT: 408, 'host.missing': 400, 'expect.unsupported': 417, 'method.connect': 405 };
