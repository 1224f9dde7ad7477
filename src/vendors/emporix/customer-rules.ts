import { isDeepStrictEqual } from 'node:util';
import { raise } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import type { EmporixCaller } from './caller.js';
import { RULES } from './rules.js';

type Finding = Omit<Violation, 'operationId'>;

/** Fields only an employee may send: on create (Emporix: populated for a customer from the token and the tenant's configuration), and on update also the approval state. */
export const EMPLOYEE_ONLY_ON_CREATE = ['requestor', 'submitter', 'approver', 'expiryDate'] as const;
export const EMPLOYEE_ONLY_ON_UPDATE = ['approvalStatus', 'received', ...EMPLOYEE_ONLY_ON_CREATE] as const;

/** Paths a customer's PATCH may touch (and what is below them). */
const CUSTOMER_PATCH_ROOTS = ['/orders', '/reason', '/mixins', '/metadata/mixins'];
/** Paths the service sets, which nobody patches (and what is below them; `/metadata` whole would replace them). */
const SERVICE_PATHS = ['/id', '/total', '/metadata/version', '/metadata/createdAt', '/metadata/modifiedAt'];

/** A returned item's `name`, `unitPrice` and `total`, which the service takes from the order (and what is below them). */
const ITEM_PRICED_FIELD = /^\/orders\/[^/]+\/items\/[^/]+\/(name|unitPrice|total)(\/|$)/;

const under = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

/** A customer's write without the `saas-token` header (the seed: "mandatory for operations done by a customer"). */
export function missingSaasToken(caller: EmporixCaller): Finding | undefined {
  if (caller.kind !== 'customer' || caller.saasToken) return undefined;
  return raise(RULES.saasTokenMissing, {
    location: 'header',
    pointer: '/saas-token',
    message: "header 'saas-token' is required for an operation done by a customer",
    specPointer: '#/components/parameters/saasToken',
  });
}

/**
 * Every field of a customer's body that only an employee may send: refused when it would set a value, a notice when
 * it carries the value the return already has (`stored`, on PUT): a customer who PUTs back what GET answered sends
 * `approvalStatus`, `received` and `expiryDate` unchanged, and Emporix ignores them.
 */
export function employeeOnlyFields(caller: EmporixCaller, body: Record<string, unknown>, fields: readonly string[], stored: Record<string, unknown> = {}): Finding[] {
  if (caller.kind !== 'customer') return [];
  return fields
    .filter((field) => body[field] !== undefined)
    .map((field) => {
      const unchanged = isDeepStrictEqual(body[field], stored[field]);
      const message = unchanged
        ? `'${field}' can be set only by an employee; the return's own value is ignored`
        : `'${field}' can be set only by an employee (scope returns.returns_manage)`;
      return raise(unchanged ? RULES.employeeOnlyFieldUnchanged : RULES.employeeOnlyField, {
        location: 'body',
        pointer: `/${field}`,
        message,
        specPointer: '#/components/schemas/Return',
        value: body[field],
      });
    });
}

/** Every PATCH operation whose path the caller may not touch: the service's own fields (with each item's prices) for anyone, a risk skipped; for a customer anything outside orders, reason and mixins, refused. */
export function forbiddenPatchPaths(caller: EmporixCaller, operations: ReadonlyArray<{ path: string }>): Finding[] {
  return operations.flatMap((operation, index) => {
    const path = operation.path;
    const serviceSet = SERVICE_PATHS.some((root) => under(path, root)) || ITEM_PRICED_FIELD.test(path) || path === '/metadata' || path === '';
    const allowed = !serviceSet && (caller.kind === 'employee' || CUSTOMER_PATCH_ROOTS.some((root) => under(path, root)));
    if (allowed) return [];
    const message = serviceSet
      ? `'${path}' is set by the service; the operation is skipped`
      : `a customer cannot patch '${path}'; only /orders, /reason, /mixins and /metadata/mixins`;
    return [
      raise(serviceSet ? RULES.patchReadOnlyPath : RULES.employeeOnlyField, {
        location: 'body',
        pointer: `/${index}/path`,
        message,
        specPointer: '#/components/schemas/PatchOperation/properties/path',
        value: path,
      }),
    ];
  });
}
