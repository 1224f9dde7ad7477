import type { DeclaredCredential } from '../../core/declared-credential.js';
import type { ValidatedRequest } from '../../core/request.js';
import { decodeJwtClaims } from '../../core/jwt-claims.js';
import { grantedScopes } from '../shared/granted-scopes.js';

/** Who calls Emporix: an employee (tenant rights) or a customer (own returns only). */
export type EmporixCaller = { kind: 'employee'; scopes: Set<string> | undefined } | { kind: 'customer'; customerId: string; scopes: Set<string> | undefined };

const OWN_SCOPES = ['returns.returns_read_own', 'returns.returns_manage_own'];
const EMPLOYEE_SCOPES = ['returns.returns_read', 'returns.returns_manage'];

/**
 * A request with a `saas-token` header is the customer's: the header's value, or its `sub` claim when it is a JWT,
 * names the customer. A token whose scopes are only the `_own` ones is a customer's too, named by its
 * `customerId` or `sub` claim. Anything else is an employee. A credential the fixtures declare brings its own
 * `scopes` (absent: all) and, for a customer's token, its `customerId`.
 */
export function identifyEmporixCaller(request: ValidatedRequest, declared: DeclaredCredential | undefined): EmporixCaller {
  const declaredScopes = Array.isArray(declared?.scopes) ? new Set(declared.scopes.filter((s): s is string => typeof s === 'string')) : undefined;
  const scopes = declared === undefined ? grantedScopes(request) : declaredScopes;
  const saasToken = request.headers['saas-token'];
  if (saasToken !== undefined && saasToken.trim() !== '') {
    const sub = decodeJwtClaims(saasToken)?.sub;
    return { kind: 'customer', customerId: typeof sub === 'string' ? sub : saasToken, scopes };
  }
  const ownOnly = scopes !== undefined && OWN_SCOPES.some((s) => scopes.has(s)) && !EMPLOYEE_SCOPES.some((s) => scopes.has(s));
  if (ownOnly) {
    const claims = request.credentials[0]?.claims ?? {};
    const id = declared?.customerId ?? claims.customerId ?? claims.sub;
    return { kind: 'customer', customerId: typeof id === 'string' ? id : 'anonymous-customer', scopes };
  }
  return { kind: 'employee', scopes };
}
