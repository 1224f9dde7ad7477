import { decodeJwtClaims } from '../core/jwt-claims.js';

/** The name a client gets when nothing in its request names it. */
export const ANONYMOUS_CLIENT = 'anonymous';

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * Who sent a request: the `x-mock-client` header, else the vendor's own notion of the caller (JTL's `x-appid`,
 * the Basic-auth user, a JWT bearer token's `client_id` or `sub`), else `anonymous`. Never a secret.
 */
export function identifyClient(headers: Record<string, string>): string {
  const named = nonEmpty(headers['x-mock-client']) ?? nonEmpty(headers['x-appid']);
  if (named !== undefined) return named;
  const match = /^(\S+)\s+(\S+)\s*$/.exec(headers.authorization ?? '');
  if (match !== null) {
    const [, scheme, credential] = match;
    if (scheme!.toLowerCase() === 'basic') {
      const decoded = Buffer.from(credential!, 'base64').toString('utf8');
      const user = nonEmpty(decoded.slice(0, Math.max(decoded.indexOf(':'), 0)));
      if (user !== undefined) return user;
    } else if (scheme!.toLowerCase() === 'bearer') {
      const claims = decodeJwtClaims(credential!);
      const subject = nonEmpty(claims?.client_id) ?? nonEmpty(claims?.sub);
      if (subject !== undefined) return subject;
    }
  }
  return ANONYMOUS_CLIENT;
}
