import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Headers a browser client reads from our answers: `Location` of a created return, `X-Total-Count` of a list. */
const EXPOSED = ['Location', 'X-Total-Count', 'x-mock-violations', 'Allow'];

/**
 * Lets return portals running in browsers call the mock from any origin. Preflights go to Hono's `cors()`; other
 * answers get their two headers once the handler has answered, because `cors()` touches the response before the
 * handler runs, which makes Hono rebuild every answer as a new `Response` (measured: half the get-one throughput).
 */
export function crossOrigin(): MiddlewareHandler {
  const preflight = cors({ origin: '*', exposeHeaders: EXPOSED });
  const exposed = EXPOSED.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Access-Control-Expose-Headers', exposed);
  };
}
