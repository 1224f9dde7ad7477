import type { ValidatedRequest } from '../../core/request.js';
import type { HandlerContext } from '../../core/vendor-plugin.js';
import type { Violation } from '../../core/violation.js';
import { grantedScopes } from '../shared/granted-scopes.js';

/** The JTL scope a create needs: JTL scopes are `resource.permission`, and `write` covers POST. */
export const RETURNS_WRITE_SCOPE = 'returns.write';

/** The scope `x-runas` needs: the page says the header "Requires scope 'Application.RunAs'". */
export const RUN_AS_SCOPE = 'Application.RunAs';

const stringList = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined);

/**
 * Why the caller may not create a return in this tenant, or `undefined` when it may. A token the fixtures
 * declare has the `scopes` and `tenants` listed there (absent: all); any other token has every right unless it
 * is a JWT whose `scope` claim lacks `returns.write` (its signature is not checked: the mock is not an identity provider).
 * Acting for another user (`x-runas`) also needs `Application.RunAs`.
 */
export function jtlAccessProblem(request: ValidatedRequest, context: HandlerContext, tenant: string): Omit<Violation, 'operationId'> | undefined {
  const declared = context.declaredCredential;
  const declaredScopes = stringList(declared?.scopes);
  const scopes = declared === undefined ? grantedScopes(request) : declaredScopes === undefined ? undefined : new Set(declaredScopes);
  if (scopes !== undefined && !scopes.has(RETURNS_WRITE_SCOPE)) {
    return { code: 'security.scope.missing', location: 'security', pointer: '/Authorization', message: `the access token lacks the scope ${RETURNS_WRITE_SCOPE}`, specPointer: '#/components/securitySchemes/Bearer' };
  }
  if (scopes !== undefined && request.headerParams['x-runas'] !== undefined && !scopes.has(RUN_AS_SCOPE)) {
    return { code: 'security.scope.missing', location: 'header', pointer: '/x-runas', message: `the access token lacks the scope ${RUN_AS_SCOPE} that x-runas requires`, specPointer: '#/components/parameters/RunAs', value: request.headerParams['x-runas'] };
  }
  const tenants = stringList(declared?.tenants);
  if (tenants !== undefined && !tenants.includes(tenant)) {
    return { code: 'security.tenant.forbidden', location: 'header', pointer: '/x-tenant-id', message: `the access token does not grant access to tenant ${tenant}`, specPointer: '#/components/parameters/TenantId', value: tenant };
  }
  return undefined;
}
