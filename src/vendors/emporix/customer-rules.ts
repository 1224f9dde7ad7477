import type { Violation } from '../../core/violation.js';
import type { EmporixCaller } from './caller.js';

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
  return { code: 'request.header.missing', location: 'header', pointer: '/saas-token', message: "header 'saas-token' is required for an operation done by a customer", specPointer: '#/components/parameters/saasToken' };
}

/** Every field of a customer's body that only an employee may send. */
export function employeeOnlyFields(caller: EmporixCaller, body: Record<string, unknown>, fields: readonly string[]): Finding[] {
  if (caller.kind !== 'customer') return [];
  return fields
    .filter((field) => body[field] !== undefined)
    .map((field) => ({ code: 'state.field.employee-only', location: 'body' as const, pointer: `/${field}`, message: `'${field}' can be set only by an employee (scope returns.returns_manage)`, specPointer: '#/components/schemas/Return', value: body[field] }));
}

/** Every PATCH operation whose path the caller may not touch: the service's own fields (with each item's prices) for anyone, and for a customer anything outside orders, reason and mixins. */
export function forbiddenPatchPaths(caller: EmporixCaller, operations: ReadonlyArray<{ path: string }>): Finding[] {
  return operations.flatMap((operation, index) => {
    const path = operation.path;
    const serviceSet = SERVICE_PATHS.some((root) => under(path, root)) || ITEM_PRICED_FIELD.test(path) || path === '/metadata' || path === '';
    const allowed = !serviceSet && (caller.kind === 'employee' || CUSTOMER_PATCH_ROOTS.some((root) => under(path, root)));
    if (allowed) return [];
    const message = serviceSet ? `'${path}' is set by the service and cannot be patched` : `a customer cannot patch '${path}'; only /orders, /reason, /mixins and /metadata/mixins`;
    return [{ code: serviceSet ? 'state.patch.read-only-path' : 'state.field.employee-only', location: 'body' as const, pointer: `/${index}/path`, message, specPointer: '#/components/schemas/PatchOperation/properties/path', value: path }];
  });
}
