import { decodeBasicCredential, parseAuthorization } from '../core/authorization-header.js';
import { decodeJwtClaims } from '../core/jwt-claims.js';

/** The name a client gets when nothing in its request names it. */
export const ANONYMOUS_CLIENT = 'anonymous';

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * Who sent a request: the `x-mock-client` header, else the vendor's own notion of the caller (a header its plugin
 * names, such as JTL's `x-appid`; the Basic-auth user; a JWT bearer token's `client_id` or `sub`), else `anonymous`. Never a secret.
 */
export function identifyClient(headers: Record<string, string>, clientHeaders: readonly string[] = []): string {
  const named = [nonEmpty(headers['x-mock-client']), ...clientHeaders.map((name) => nonEmpty(headers[name]))].find((value) => value !== undefined);
  if (named !== undefined) return named;
  const parsed = parseAuthorization(headers.authorization);
  if (parsed !== undefined && !parsed.trailing) {
    const scheme = parsed.scheme.toLowerCase();
    if (scheme === 'basic') {
      const user = nonEmpty(decodeBasicCredential(parsed.credential)?.user);
      if (user !== undefined) return user;
    } else if (scheme === 'bearer') {
      const claims = decodeJwtClaims(parsed.credential);
      const subject = nonEmpty(claims?.client_id) ?? nonEmpty(claims?.sub);
      if (subject !== undefined) return subject;
    }
  }
  return ANONYMOUS_CLIENT;
}
