import { createHash } from 'node:crypto';
import { decodeBasicCredential, parseAuthorization } from '../core/authorization-header.js';
import { decodeJwtClaims } from '../core/jwt-claims.js';
import { containsSecret } from './mask-secrets.js';

/** The name a client gets when nothing in its request names it. */
export const ANONYMOUS_CLIENT = 'anonymous';

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** A stable short stand-in for a name that must not be shown: `basic-1a2b3c4d`. */
const pseudonym = (kind: string, name: string) => `${kind}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;

/**
 * Who sent a request: the `x-mock-client` header, else the vendor's own notion of the caller (a header its plugin
 * names, such as JTL's `x-appid`; a JWT bearer token's `client_id` or `sub`; the Basic-auth user as a stable hash
 * `basic-<8 hex>`: a client may send an API key as the user name), else `anonymous`. Never a secret: a name holding
 * one of `secrets` is hashed too.
 */
export function identifyClient(headers: Record<string, string>, clientHeaders: readonly string[] = [], secrets: readonly string[] = []): string {
  const name = identifyCaller(headers, clientHeaders);
  return containsSecret(name, secrets) ? pseudonym('client', name) : name;
}

function identifyCaller(headers: Record<string, string>, clientHeaders: readonly string[]): string {
  const named = [nonEmpty(headers['x-mock-client']), ...clientHeaders.map((name) => nonEmpty(headers[name]))].find((value) => value !== undefined);
  if (named !== undefined) return named;
  const parsed = parseAuthorization(headers.authorization);
  if (parsed !== undefined && !parsed.trailing) {
    const scheme = parsed.scheme.toLowerCase();
    if (scheme === 'basic') {
      const user = nonEmpty(decodeBasicCredential(parsed.credential)?.user);
      if (user !== undefined) return pseudonym('basic', user);
    } else if (scheme === 'bearer') {
      const claims = decodeJwtClaims(parsed.credential);
      const subject = nonEmpty(claims?.client_id) ?? nonEmpty(claims?.sub);
      if (subject !== undefined) return subject;
    }
  }
  return ANONYMOUS_CLIENT;
}
