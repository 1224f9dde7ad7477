import type { ValidatedRequest } from '../../core/request.js';

/**
 * The scopes a caller holds: those of a JWT bearer token's `scope` claim (space-separated or a list), or
 * `undefined` when the token states none, which the mock takes as every right (it is not an identity provider).
 */
export function grantedScopes(request: ValidatedRequest): Set<string> | undefined {
  for (const credential of request.credentials) {
    const scope = credential.claims?.scope ?? credential.claims?.scp;
    if (typeof scope === 'string') return new Set(scope.split(/\s+/).filter(Boolean));
    if (Array.isArray(scope)) return new Set(scope.filter((s): s is string => typeof s === 'string'));
  }
  return undefined;
}

/** Whether granted scopes satisfy one alternative of the operation's security requirement; unknown grants satisfy all. */
export function satisfiesSecurity(request: ValidatedRequest, granted: Set<string> | undefined): boolean {
  if (granted === undefined || request.security.length === 0) return true;
  return request.security.some((alternative) => Object.values(alternative).every((scopes) => scopes.every((scope) => granted.has(scope))));
}
