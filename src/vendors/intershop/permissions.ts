import type { DeclaredCredential } from '../../core/declared-credential.js';
import type { ValidatedRequest } from '../../core/request.js';
import { raise } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import { RULES } from './rules.js';

/** Every shop: a `shops` key that grants its permissions at any shop. */
const ANY_SHOP = '*';

/**
 * A permission in one spelling: the spec's role name (`View return requests`) and IOM's constant
 * (`VIEW_RETURN_REQUESTS`) are the same permission.
 */
const permissionKey = (name: string): string =>
  name
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');

type ShopPermissions = ReadonlyMap<string, ReadonlySet<string>>;

const stringList = (value: unknown): string[] | undefined => {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return undefined;
};

/** `{ "<shop name>" | "*": [permission, ...] }` read into sets of permission keys; `undefined` when not such a map. */
function readShops(value: unknown): ShopPermissions | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const shops = new Map<string, Set<string>>();
  for (const [shop, permissions] of Object.entries(value)) shops.set(shop, new Set((stringList(permissions) ?? []).map(permissionKey)));
  return shops;
}

/**
 * The permissions the caller holds per shop, or `undefined` for every permission at every shop. A credential the
 * fixtures declare has its `shops` map (absent: all rights). Any other credential has all rights, unless it is a
 * JWT with a `shops` claim (the same map) or a `permissions` / `roles` claim (held at every shop); its signature
 * is not checked, as the mock is not an identity provider.
 */
function grantedShopPermissions(request: ValidatedRequest, declared: DeclaredCredential | undefined): ShopPermissions | undefined {
  if (declared !== undefined) return readShops(declared.shops);
  for (const credential of request.credentials) {
    const claims = credential.claims;
    if (claims === undefined) continue;
    const shops = readShops(claims.shops);
    if (shops !== undefined) return shops;
    const everywhere = stringList(claims.permissions) ?? stringList(claims.roles);
    if (everywhere !== undefined) return new Map([[ANY_SHOP, new Set(everywhere.map(permissionKey))]]);
  }
  return undefined;
}

/** The permissions the operation asks for: the roles of the security alternative the request satisfied. */
function requiredPermissions(request: ValidatedRequest): string[] {
  const requirement = request.securityRequirement ?? request.security[0] ?? {};
  return [...new Set(Object.values(requirement).flat())];
}

/** Why the caller may not run this operation at `shop` (the first permission it lacks there), or `undefined`. */
export function permissionProblem(request: ValidatedRequest, declared: DeclaredCredential | undefined, shop: string): Omit<Violation, 'operationId'> | undefined {
  const granted = grantedShopPermissions(request, declared);
  if (granted === undefined) return undefined;
  const held = new Set([...(granted.get(shop) ?? []), ...(granted.get(ANY_SHOP) ?? [])]);
  const missing = requiredPermissions(request).find((permission) => !held.has(permissionKey(permission)));
  if (missing === undefined) return undefined;
  const scheme = Object.keys(request.securityRequirement ?? {})[0] ?? 'basicAuth';
  return raise(RULES.permissionMissing, {
    location: 'security',
    pointer: '/Authorization',
    message: `the permission "${missing}" (${permissionKey(missing)}) is not assigned at shop '${shop}'`,
    specPointer: `#/components/securitySchemes/${scheme}`,
    value: permissionKey(missing),
  });
}
