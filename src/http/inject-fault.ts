import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { Fault } from '../core/scenario.js';
import type { HttpResponse } from '../core/http.js';

/** How long a `timeout` fault holds a request at most before it drops the connection: bounded, so a forgotten client cannot pin the server. */
export const TIMEOUT_FAULT_HOLD_MS = 120_000;

/** The Node request behind a Hono context, when the app runs on `@hono/node-server` (in-process `app.request` has none). */
function incomingOf(c: Context): IncomingMessage | undefined {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming;
}

/**
 * Waits `ms`, or less when `signal` aborts (the client went away, or the server closed its connections): a pending
 * `delay=60000` must not keep a closed mock's process alive for a minute.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** What a `malformed` fault sends: the status and headers, and the body cut in half (journalled as sent). */
export function malformedResponse(response: HttpResponse): HttpResponse {
  const body = response.body ?? '{"status":';
  return {
    status: response.status,
    headers: { ...response.headers, 'content-type': response.headers['content-type'] ?? 'application/json' },
    body: body.slice(0, Math.floor(body.length / 2)),
  };
}

/**
 * Answers with a transport fault instead of the response, to test a client's error handling:
 * `reset` drops the connection with a TCP reset; `timeout` sends nothing until the client gives up (or
 * {@link TIMEOUT_FAULT_HOLD_MS} pass) and then drops it; `malformed` sends the status and headers with a body cut
 * in half, which no client can parse. Without a Node socket (in-process use) `reset` and `timeout` end the body
 * stream with an error, which the caller's `fetch` reports as a failed read.
 */
export async function injectFault(c: Context, fault: Fault, response: HttpResponse): Promise<Response> {
  const socket = incomingOf(c)?.socket;
  if (fault === 'malformed') {
    const cut = malformedResponse(response);
    return new Response(cut.body, { status: cut.status, headers: cut.headers });
  }
  if (socket === undefined) {
    return new Response(new ReadableStream({ start: (controller) => controller.error(new Error(`returns-mock fault: ${fault}`)) }), { status: response.status });
  }
  if (fault === 'timeout') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, TIMEOUT_FAULT_HOLD_MS);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  socket.resetAndDestroy();
  return new Response(null, { status: response.status });
}
