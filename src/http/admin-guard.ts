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

/** Whether a `Host` header names this machine by a loopback name or address (a request without one came from no browser). */
function addressedToLoopback(host: string | undefined): boolean {
  if (host === undefined) return true;
  try {
    return isLoopbackHost(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

/**
 * Guards `/__admin`: a page of another origin is refused (any web page could otherwise wipe a developer's
 * local mock with a cross-site POST), and when a token is set (`--admin-token`) every request must present it.
 * Without a token the request must also be addressed to a loopback name: a page whose own host name an attacker
 * re-points at 127.0.0.1 (DNS rebinding) is then same-origin, and only its `Host` gives it away.
 */
export function adminGuard(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (fromOtherOrigin(c.req.header('origin'), c.req.header('host'))) return c.json({ error: 'the admin API does not answer pages of other origins' }, 403);
    if (token === undefined) {
      if (addressedToLoopback(c.req.header('host'))) return next();
      return c.json({ error: 'without --admin-token the admin API answers only requests to localhost, 127.0.0.1 or [::1]' }, 403);
    }
    const given = presentedToken(c.req.header('authorization'), c.req.header('x-admin-token'), c.req.query('token'));
    if (given === undefined || !sameSecret(given, token)) {
      return c.json({ error: 'the admin API needs the admin token: Authorization: Bearer <token>, x-admin-token: <token> or ?token=<token>' }, 401, {
        'www-authenticate': 'Bearer realm="returns-mock admin"',
      });
    }
    return next();
  };
}

/** Whether a host name binds to this machine only. */
export const isLoopbackHost = (host: string): boolean => ['127.0.0.1', '::1', 'localhost', '[::1]'].includes(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
