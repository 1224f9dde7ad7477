import type { DeclaredCredential } from '../../core/declared-credential.js';
import type { ValidatedRequest } from '../../core/request.js';
import { decodeJwtClaims } from '../../core/jwt-claims.js';
import { grantedScopes } from '../shared/granted-scopes.js';

/** Who calls Emporix: an employee (tenant rights) or a customer (own returns only). */
export type EmporixCaller =
  | { kind: 'employee'; scopes: Set<string> | undefined }
  /** `saasToken`: whether the request carries the customer's `saas-token` header, which a customer's writes need. */
  | { kind: 'customer'; customerId: string; scopes: Set<string> | undefined; saasToken: boolean };

const OWN_SCOPES = ['returns.returns_read_own', 'returns.returns_manage_own'];
const EMPLOYEE_SCOPES = ['returns.returns_read', 'returns.returns_manage'];

/**
 * A request with a `saas-token` header is the customer's: the header's value, or its `customerId` (else `sub`) claim
 * when it is a JWT, names the customer. A token whose scopes are only the `_own` ones is a customer's too, named by its
 * `customerId` or `sub` claim. Anything else is an employee. A credential the fixtures declare brings its own
 * `scopes` (absent: all) and, for a customer's token, its `customerId`, which then names the customer in either case.
 */
export function identifyEmporixCaller(request: ValidatedRequest, declared: DeclaredCredential | undefined): EmporixCaller {
  const declaredScopes = Array.isArray(declared?.scopes) ? new Set(declared.scopes.filter((s): s is string => typeof s === 'string')) : undefined;
  const scopes = declared === undefined ? grantedScopes(request) : declaredScopes;
  const declaredCustomer = typeof declared?.customerId === 'string' ? declared.customerId : undefined;
  const saasToken = request.headers['saas-token'];
  if (saasToken !== undefined && saasToken.trim() !== '') {
    // Named like a customer's access token below, so the same customer is the same with and without the header.
    const claims = decodeJwtClaims(saasToken);
    const id = claims?.customerId ?? claims?.sub;
    return { kind: 'customer', customerId: declaredCustomer ?? (typeof id === 'string' ? id : saasToken), scopes, saasToken: true };
  }
  const ownOnly = scopes !== undefined && OWN_SCOPES.some((s) => scopes.has(s)) && !EMPLOYEE_SCOPES.some((s) => scopes.has(s));
  if (ownOnly) {
    const claims = request.credentials[0]?.claims ?? {};
    const id = declaredCustomer ?? claims.customerId ?? claims.sub;
    return { kind: 'customer', customerId: typeof id === 'string' ? id : 'anonymous-customer', scopes, saasToken: false };
  }
  return { kind: 'employee', scopes };
}
