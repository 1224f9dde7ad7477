import { raise } from '../../core/rules.js';
import type { ValidatedRequest } from '../../core/request.js';
import type { HandlerContext } from '../../core/vendor-plugin.js';
import type { Violation } from '../../core/violation.js';
import { grantedScopes } from '../shared/granted-scopes.js';
import { JTL_RULES } from './rules.js';

type Finding = Omit<Violation, 'operationId'>;

/** The scope the mock expects for a create: JTL scopes are `resource.permission`, but the page names none for it (a risk when missing). */
export const RETURNS_WRITE_SCOPE = 'returns.write';

/** The scope `x-runas` needs: the page says the header "Requires scope 'Application.RunAs'". */
export const RUN_AS_SCOPE = 'Application.RunAs';

const stringList = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined);

/** A tenant id as one tenant: UUIDs compare without letter case (RFC 9562 §4: hex digits are case-insensitive on input). */
export const canonicalTenant = (tenant: string): string => tenant.toLowerCase();

/** What the caller's rights say about a create: `denied` refuses it (403), `risks` are kept with a created return. */
export interface JtlAccess {
  denied?: Finding;
  risks: Finding[];
}

/**
 * The caller's rights for a create in `tenant`. A token the fixtures declare has the `scopes` and `tenants` listed
 * there (absent: all); any other token has every right unless it is a JWT whose `scope` claim states scopes (its
 * signature is not checked: the mock is not an identity provider). `x-runas` without `Application.RunAs` and a tenant
 * the token is not declared for are refused; a token without `returns.write` is only a risk (the page names no scope).
 */
export function checkJtlAccess(request: ValidatedRequest, context: HandlerContext, tenant: string): JtlAccess {
  const declared = context.declaredCredential;
  const declaredScopes = stringList(declared?.scopes);
  const scopes = declared === undefined ? grantedScopes(request) : declaredScopes === undefined ? undefined : new Set(declaredScopes);
  if (scopes !== undefined && request.headerParams['x-runas'] !== undefined && !scopes.has(RUN_AS_SCOPE)) {
    const value = request.headerParams['x-runas'];
    return {
      denied: raise(JTL_RULES.runAsScopeMissing, {
        location: 'header',
        pointer: '/x-runas',
        message: `the access token lacks the scope ${RUN_AS_SCOPE} that x-runas requires`,
        specPointer: '#/components/parameters/RunAs',
        value,
      }),
      risks: [],
    };
  }
  const tenants = stringList(declared?.tenants);
  if (tenants !== undefined && !tenants.some((granted) => canonicalTenant(granted) === tenant)) {
    return {
      denied: raise(JTL_RULES.tenantForbidden, {
        location: 'header',
        pointer: '/x-tenant-id',
        message: `the access token does not grant access to tenant ${tenant}`,
        specPointer: '#/components/parameters/TenantId',
        value: tenant,
      }),
      risks: [],
    };
  }
  if (scopes !== undefined && !scopes.has(RETURNS_WRITE_SCOPE)) {
    return {
      risks: [
        raise(JTL_RULES.createScopeUndocumented, {
          location: 'security',
          pointer: '/Authorization',
          message: `the access token states scopes without ${RETURNS_WRITE_SCOPE}; JTL documents no scope for creating a return, so it may be refused (403)`,
          specPointer: '#/components/securitySchemes/Bearer',
        }),
      ],
    };
  }
  return { risks: [] };
}
