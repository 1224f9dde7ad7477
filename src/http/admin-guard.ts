import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Compares in constant time, so the answer's timing does not reveal how much of a guess was right. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The admin token a request presents: `Authorization: Bearer <token>`, `x-admin-token`, or `?token=` (for the dashboard link in a browser). */
function presentedToken(authorization: string | undefined, header: string | undefined, query: string | undefined): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
  return bearer ?? header ?? query;
}

/** Whether a browser sent the request from a page of another origin (its `Origin` names another host than the request's `Host`). */
function fromOtherOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Guards `/__admin`: a page of another origin is refused (any web page could otherwise wipe a developer's
 * local mock with a cross-site POST), and when a token is set (`--admin-token`) every request must present it.
 */
export function adminGuard(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (fromOtherOrigin(c.req.header('origin'), c.req.header('host'))) return c.json({ error: 'the admin API does not answer pages of other origins' }, 403);
    if (token === undefined) return next();
    const given = presentedToken(c.req.header('authorization'), c.req.header('x-admin-token'), c.req.query('token'));
    if (given === undefined || !sameSecret(given, token)) {
      return c.json({ error: 'the admin API needs the admin token: Authorization: Bearer <token>, x-admin-token: <token> or ?token=<token>' }, 401, { 'www-authenticate': 'Bearer realm="returns-mock admin"' });
    }
    return next();
  };
}

/** Whether a host name binds to this machine only. */
export const isLoopbackHost = (host: string): boolean => ['127.0.0.1', '::1', 'localhost', '[::1]'].includes(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
