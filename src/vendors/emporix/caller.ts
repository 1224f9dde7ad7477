import type { DeclaredCredential } from '../../core/declared-credential.js';
import type { ValidatedRequest } from '../../core/request.js';
import { decodeJwtClaims } from '../../core/jwt-claims.js';
import { grantedScopes } from '../shared/granted-scopes.js';

/** Who calls Emporix: an employee (tenant rights) or a customer (own returns only). */
export type EmporixCaller =
  | { kind: 'employee'; scopes: Set<string> | undefined }
  /** `saasToken`: whether the request carries the customer's `saas-token` header, which a customer's writes need. */
  | { kind: 'customer'; customerId: string; scopes: Set<string> | undefined; saasToken: boolean }
  /** A customer's credential that names no customer (an empty `saas-token`, a token without `customerId` or `sub`): refused 401, never widened. */
  | { kind: 'unidentified'; pointer: string; message: string };

const OWN_SCOPES = ['returns.returns_read_own', 'returns.returns_manage_own'];
const EMPLOYEE_SCOPES = ['returns.returns_read', 'returns.returns_manage'];

/** A claim that names a customer: a non-blank string. */
const namedCustomer = (claim: unknown): string | undefined => (typeof claim === 'string' && claim.trim() !== '' ? claim : undefined);

/**
 * A request with a `saas-token` header is the customer's: the header's value, or its `customerId` (else `sub`) claim
 * when it is a JWT, names the customer. A token whose scopes are only the `_own` ones is a customer's too, named by its
 * `customerId` or `sub` claim. Anything else is an employee. A customer's credential that names no customer (a blank
 * `saas-token`, claims without `customerId` or `sub`) is `unidentified`: Emporix's gateway refuses it (401). A credential the fixtures declare brings its own
 * `scopes` (absent: all) and, for a customer's token, its `customerId`, which then names the customer in either case.
 */
export function identifyEmporixCaller(request: ValidatedRequest, declared: DeclaredCredential | undefined): EmporixCaller {
  const declaredScopes = Array.isArray(declared?.scopes) ? new Set(declared.scopes.filter((s): s is string => typeof s === 'string')) : undefined;
  const scopes = declared === undefined ? grantedScopes(request) : declaredScopes;
  const declaredCustomer = typeof declared?.customerId === 'string' ? declared.customerId : undefined;
  const saasToken = request.headers['saas-token'];
  if (saasToken !== undefined) {
    // Present but blank is a customer's credential that names nobody: treating it as absent would show the employee view.
    if (saasToken.trim() === '') return { kind: 'unidentified', pointer: '/saas-token', message: "header 'saas-token' is empty: a customer's saas-token names the customer" };
    // Named like a customer's access token below, so the same customer is the same with and without the header.
    const claims = decodeJwtClaims(saasToken);
    const id = claims === undefined ? saasToken : (namedCustomer(claims.customerId) ?? namedCustomer(claims.sub));
    const customerId = declaredCustomer ?? id;
    if (customerId === undefined)
      return { kind: 'unidentified', pointer: '/saas-token', message: 'the saas-token names no customer: its customerId and sub claims are missing or empty' };
    return { kind: 'customer', customerId, scopes, saasToken: true };
  }
  const ownOnly = scopes !== undefined && OWN_SCOPES.some((s) => scopes.has(s)) && !EMPLOYEE_SCOPES.some((s) => scopes.has(s));
  if (ownOnly) {
    const claims = request.credentials[0]?.claims ?? {};
    const customerId = declaredCustomer ?? namedCustomer(claims.customerId) ?? namedCustomer(claims.sub);
    // Without a name every such token would be one shared customer, seeing the others' returns.
    if (customerId === undefined)
      return { kind: 'unidentified', pointer: '/Authorization', message: "the customer's access token names no customer: its customerId and sub claims are missing or empty" };
    return { kind: 'customer', customerId, scopes, saasToken: false };
  }
  return { kind: 'employee', scopes };
}
