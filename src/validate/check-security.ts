import { CORE_RULES } from '../core/core-rules.js';
import type { SecurityRequirement } from '../core/operation.js';
import type { Credential } from '../core/request.js';
import { decodeBasicCredential, parseAuthorization } from '../core/authorization-header.js';
import { decodeJwtClaims } from '../core/jwt-claims.js';
import type { Violation } from '../core/violation.js';
import type { SpecIndex } from '../spec/spec-index.js';

export interface SecurityCheck {
  /** Credentials of the first satisfied requirement (empty when the operation needs none). */
  credentials: Credential[];
  /** The satisfied requirement, with its scopes or roles; `undefined` when none is satisfied. */
  requirement: SecurityRequirement | undefined;
  violations: Violation[];
}

interface SchemeObject {
  type?: string;
  scheme?: string;
  in?: string;
  name?: string;
}

type Outcome = { credential: Credential } | { problem: string; header: string };

function presentCredential(name: string, scheme: SchemeObject, headers: Record<string, string>, query: URLSearchParams): Outcome {
  const type = scheme.type;
  if (type === 'apiKey') {
    const key = scheme.name ?? '';
    const value = scheme.in === 'query' ? (query.get(key) ?? undefined) : scheme.in === 'cookie' ? readCookie(headers.cookie, key) : headers[key.toLowerCase()];
    if (value === undefined || value.trim() === '') return { problem: `${scheme.in ?? 'header'} '${key}' is missing`, header: key };
    return { credential: { scheme: name, kind: 'apiKey', token: value } };
  }
  const authorization = headers.authorization;
  const wantsBasic = type === 'http' && scheme.scheme?.toLowerCase() === 'basic';
  if (authorization === undefined || authorization.trim() === '') return { problem: `header 'Authorization' is missing`, header: 'Authorization' };
  const parsed = parseAuthorization(authorization);
  const expected = wantsBasic ? 'basic' : 'bearer';
  if (parsed === undefined || parsed.trailing || parsed.scheme.toLowerCase() !== expected) {
    return { problem: `header 'Authorization' must be '${wantsBasic ? 'Basic <base64 user:password>' : 'Bearer <token>'}'`, header: 'Authorization' };
  }
  const value = parsed.credential;
  if (wantsBasic) {
    const basic = decodeBasicCredential(value);
    if (basic === undefined || basic.user === '') return { problem: `header 'Authorization' carries no valid 'user:password' in base64`, header: 'Authorization' };
    return { credential: { scheme: name, kind: 'basic', user: basic.user, password: basic.password } };
  }
  if (type === 'http' && scheme.scheme?.toLowerCase() !== 'bearer') {
    return { problem: `HTTP scheme '${scheme.scheme ?? ''}' is not supported by the mock`, header: 'Authorization' };
  }
  const credential: Credential = { scheme: name, kind: 'bearer', token: value };
  const claims = decodeJwtClaims(value);
  if (claims !== undefined) credential.claims = claims;
  return { credential };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * Checks that some alternative of the operation's security requirement is satisfied by well-formed credentials.
 * Scopes and roles are not checked here: permissions are vendor behaviour (403).
 */
export function checkSecurity(spec: SpecIndex, security: SecurityRequirement[], headers: Record<string, string>, query: URLSearchParams, operationId: string): SecurityCheck {
  if (security.length === 0) return { credentials: [], requirement: {}, violations: [] };
  // When no alternative holds, report the one that came closest: its missing parts are what the client must add.
  let closest: Violation[] | undefined;
  for (const requirement of security) {
    const credentials: Credential[] = [];
    const problems: Violation[] = [];
    for (const name of Object.keys(requirement)) {
      const scheme = (spec.securityScheme(name) ?? {}) as SchemeObject;
      const outcome = presentCredential(name, scheme, headers, query);
      if ('problem' in outcome) {
        problems.push({
          code: CORE_RULES.securityMissing.code,
          location: 'security',
          pointer: `/${outcome.header}`,
          message: `${outcome.problem} (security scheme '${name}')`,
          specPointer: `#/components/securitySchemes/${name}`,
          operationId,
        });
      } else {
        credentials.push(outcome.credential);
      }
    }
    // An empty requirement object ({}) means anonymous access is allowed.
    if (problems.length === 0) return { credentials, requirement, violations: [] };
    if (closest === undefined || problems.length < closest.length) closest = problems;
  }
  return { credentials: [], requirement: undefined, violations: closest ?? [] };
}
