import type { OperationResult } from '../../core/http.js';
import type { ValidatedRequest } from '../../core/request.js';
import type { Violation } from '../../core/violation.js';
import type { HandlerContext, OperationHandler, VendorTransaction } from '../../core/vendor-plugin.js';
import applyPatchModule from 'fast-json-patch';
import { satisfiesSecurity } from '../shared/granted-scopes.js';
import { identifyEmporixCaller, type EmporixCaller } from './caller.js';

/** A caller the gateway let through: an employee or a named customer. */
type IdentifiedCaller = Exclude<EmporixCaller, { kind: 'unidentified' }>;
import { checkReturnedOrders } from './check-orders.js';
import { EMPLOYEE_ONLY_ON_CREATE, EMPLOYEE_ONLY_ON_UPDATE, employeeOnlyFields, forbiddenPatchPaths, missingSaasToken } from './customer-rules.js';
import { EMPLOYEE_CREATE, EMPLOYEE_UPDATE, missingEmployeeFields, type EmployeeBodyRules } from './employee-rules.js';
import { fixtureOrder, tenantCurrency, tenantRecord } from './order-data.js';
import { priceReturn } from './price-return.js';
import { RETURN_NOT_FOUND } from './render-error.js';
import { parseEmporixQuery, parseEmporixSort } from './query.js';
import { selectReturns } from './select-returns.js';
import { customerView, DEFAULT_EXPIRY_DAYS, type EmporixReturn, type OrderInput } from './return-record.js';

const { applyPatch } = applyPatchModule;
const RETURNS = 'returns';
const RETURN_SCHEMA = '#/components/schemas/Return';
type Body = Record<string, unknown>;

const tenantOf = (request: ValidatedRequest) => String(request.pathParams.tenant);
const returnIdOf = (request: ValidatedRequest) => String(request.pathParams.returnId);

const notFound = (context: HandlerContext, request: ValidatedRequest) =>
  context.refuse(404, [{ code: RETURN_NOT_FOUND, location: 'path', pointer: '/returnId', message: `return '${returnIdOf(request)}' does not exist`, specPointer: '#/components/responses/ReturnNotFound', value: returnIdOf(request) }]);

const forbidden = (context: HandlerContext) =>
  context.refuse(403, [{ code: 'security.scope.missing', location: 'security', pointer: '/Authorization', message: 'the access token lacks the scope this operation requires', specPointer: '#/components/securitySchemes/OAuth2' }]);

const tenantNotFound = (context: HandlerContext, request: ValidatedRequest) =>
  context.refuse(404, [{ code: 'state.tenant.not-found', location: 'path', pointer: '/tenant', message: `The tenant ${tenantOf(request)} has not been found.`, specPointer: '#/components/responses/TenantNotFound', value: tenantOf(request) }]);

/**
 * What is wrong with a create or update body: fields only an employee may set (for a customer), fields an employee
 * must send (for an employee), and orders that do not fit the tenant's fixture orders.
 */
function bodyFindings(context: HandlerContext, request: ValidatedRequest, caller: EmporixCaller, employeeOnly: readonly string[], employeeRules: EmployeeBodyRules) {
  const body = request.body as Body;
  return [...employeeOnlyFields(caller, body, employeeOnly), ...missingEmployeeFields(caller, body, employeeRules), ...checkReturnedOrders(body.orders as OrderInput[], (orderId) => fixtureOrder(context, tenantOf(request), orderId), context.strictFixtures)];
}

const notPending = (context: HandlerContext, record: EmporixReturn) =>
  context.refuse(400, [{ code: 'state.return.not-pending', location: 'state', pointer: '/approvalStatus', message: `a customer can change a return only while it is PENDING; it is ${record.approvalStatus}`, specPointer: '#/components/schemas/ApprovalStatus', value: record.approvalStatus }]);

/** Reads the return a caller may see (a customer only their own), from the store or, for a change, from inside its transaction. */
function visibleReturn(context: HandlerContext, request: ValidatedRequest, caller: EmporixCaller, reader: Pick<VendorTransaction, 'get'> = context.store): EmporixReturn | undefined {
  const record = reader.get<EmporixReturn>(tenantOf(request), RETURNS, returnIdOf(request));
  if (record === undefined) return undefined;
  if (caller.kind === 'customer' && record.requestor?.customerId !== caller.customerId) return undefined;
  return record;
}

/**
 * Runs a handler only for a caller whose token grants the operation's scopes (403 otherwise), in a tenant the fixtures
 * know under `--strict-fixtures` (404 otherwise), and, for a customer's write, with `saas-token` (400 otherwise).
 */
const guarded =
  (handler: (request: ValidatedRequest, context: HandlerContext, caller: IdentifiedCaller) => OperationResult | Promise<OperationResult>, access: 'read' | 'write' = 'read'): OperationHandler =>
  (request, context) => {
    const caller = identifyEmporixCaller(request, context.declaredCredential);
    if (caller.kind === 'unidentified') return context.refuse(401, [{ code: 'request.security.invalid', location: 'security', pointer: caller.pointer, message: caller.message, specPointer: '#/components/securitySchemes/OAuth2' }]);
    if (!satisfiesSecurity(request, caller.scopes)) return forbidden(context);
    if (context.strictFixtures && tenantRecord(context, tenantOf(request)) === undefined) return tenantNotFound(context, request);
    const noSaasToken = access === 'write' ? missingSaasToken(caller) : undefined;
    if (noSaasToken !== undefined) return context.refuse(400, [noSaasToken]);
    return handler(request, context, caller);
  };

const listReturns = guarded((request, context, caller) => {
  const q = request.query.q;
  const parsed = typeof q === 'string' ? parseEmporixQuery(q) : { ok: true as const, terms: [] };
  if (!parsed.ok) {
    return context.refuse(400, [{ code: 'request.query.q', location: 'query', pointer: '/q', message: parsed.message, specPointer: '#/paths/~1return~1{tenant}~1returns/get', value: q }]);
  }
  const sort = request.query.sort;
  const sorted = typeof sort === 'string' && sort.trim() !== '' ? parseEmporixSort(sort) : { ok: true as const, keys: [] };
  if (!sorted.ok) {
    return context.refuse(400, [{ code: 'request.query.sort', location: 'query', pointer: '/sort', message: sorted.message, specPointer: '#/components/parameters/sort', value: sort }]);
  }
  const pageSize = (request.query.pageSize as number | undefined) ?? 60;
  const pageNumber = (request.query.pageNumber as number | undefined) ?? 1;
  const customerId = caller.kind === 'employee' ? undefined : caller.customerId;
  const { page, total } = selectReturns(context.store, tenantOf(request), customerId, { terms: parsed.terms, keys: sorted.keys, pageSize, pageNumber });
  const headers: Record<string, string> = {};
  if (request.headerParams['x-total-count'] === true) headers['X-Total-Count'] = String(total);
  return { status: 200, headers, body: page };
});

const createReturn = guarded(async (request, context, caller) => {
  const body = request.body as Body;
  const tenant = tenantOf(request);
  const findings = bodyFindings(context, request, caller, EMPLOYEE_ONLY_ON_CREATE, EMPLOYEE_CREATE);
  if (findings.length > 0) return context.refuse(400, findings);
  const now = context.now();
  const { orders, total } = priceReturn(context, tenant, body.orders as OrderInput[], tenantCurrency(context, tenant));
  const record: Omit<EmporixReturn, 'id'> = {
    approvalStatus: 'PENDING',
    received: false,
    orders,
    reason: body.reason,
    total,
    expiryDate: caller.kind === 'employee' && typeof body.expiryDate === 'string' ? body.expiryDate : new Date(now.getTime() + DEFAULT_EXPIRY_DAYS * 86_400_000).toISOString(),
    requestor: caller.kind === 'customer' ? { customerId: caller.customerId } : (body.requestor as Record<string, unknown> | undefined),
    metadata: { createdAt: now.toISOString(), modifiedAt: now.toISOString(), version: 1 },
  };
  if (caller.kind === 'employee') {
    if (body.submitter !== undefined) record.submitter = body.submitter;
    if (body.approver !== undefined) record.approver = body.approver;
  }
  if (body.mixins !== undefined) record.mixins = body.mixins;
  const metadataMixins = (body.metadata as Body | undefined)?.mixins;
  if (metadataMixins !== undefined) record.metadata.mixins = metadataMixins;
  const id = await context.store.transact((tx) => {
    // Keyed by a stored sequence, the id never repeats after a restart, and the same --seed still gives the same ids.
    const assigned = context.uuidFor(`emporix/${tenant}/return/${tx.nextId(tenant, RETURNS)}`);
    tx.put(tenant, RETURNS, assigned, { id: assigned, ...record });
    return assigned;
  });
  return { status: 201, body: { id } };
}, 'write');

const getReturn = guarded((request, context, caller) => {
  const record = visibleReturn(context, request, caller);
  if (record === undefined) return notFound(context, request);
  return { status: 200, body: caller.kind === 'customer' ? customerView(record) : record };
});

/** A changed return that breaks the `Return` schema, each violation naming the field. */
const refuseInvalid = (context: HandlerContext, violations: Violation[]) =>
  context.refuse(400, violations.map((v) => ({ ...v, code: 'state.return.invalid', location: 'body' as const })));

/**
 * PUT and PATCH end alike: a customer may change only a PENDING return; version and modifiedAt move on. The return is
 * read, checked (the version) and written in one transaction, so of two changes to one version only one is accepted,
 * also across replicas sharing a database.
 */
function saveChange(context: HandlerContext, request: ValidatedRequest, caller: EmporixCaller, change: (record: EmporixReturn) => EmporixReturn | OperationResult): Promise<OperationResult> {
  return context.store.transact((tx): OperationResult => {
    const record = visibleReturn(context, request, caller, tx);
    if (record === undefined) return notFound(context, request);
    if (caller.kind === 'customer' && record.approvalStatus !== 'PENDING') return notPending(context, record);
    const changed = change(structuredClone(record));
    if (!('id' in changed)) return changed;
    changed.id = record.id;
    changed.metadata = { ...changed.metadata, createdAt: record.metadata.createdAt, modifiedAt: context.now().toISOString(), version: record.metadata.version + 1 };
    const violations = context.validate(RETURN_SCHEMA, changed);
    if (violations.length > 0) return refuseInvalid(context, violations);
    tx.put(tenantOf(request), RETURNS, record.id, changed);
    return { status: 204 };
  });
}

const updateReturn = guarded((request, context, caller) =>
  saveChange(context, request, caller, (record) => {
    const body = request.body as Body;
    if (body.id !== undefined && body.id !== record.id) {
      return context.refuse(400, [{ code: 'state.return.id-mismatch', location: 'body', pointer: '/id', message: `the body's id '${String(body.id)}' is not the path's returnId '${record.id}'`, specPointer: '#/components/schemas/UpdateReturn/properties/id', value: body.id }]);
    }
    const version = (body.metadata as Body).version;
    if (version !== record.metadata.version) {
      return context.refuse(409, [{ code: 'state.return.version-conflict', location: 'body', pointer: '/metadata/version', message: `metadata.version ${String(version)} is not the stored version ${record.metadata.version}`, specPointer: '#/components/schemas/UpdateMetadata/properties/version', value: version }]);
    }
    const findings = bodyFindings(context, request, caller, EMPLOYEE_ONLY_ON_UPDATE, EMPLOYEE_UPDATE);
    if (findings.length > 0) return context.refuse(400, findings);
    const { orders, total } = priceReturn(context, tenantOf(request), body.orders as OrderInput[], record.total.currency);
    const updated: EmporixReturn = { ...record, orders, total, reason: body.reason };
    if (body.mixins !== undefined) updated.mixins = body.mixins;
    const metadataMixins = (body.metadata as Body).mixins;
    if (metadataMixins !== undefined) updated.metadata = { ...updated.metadata, mixins: metadataMixins };
    if (caller.kind === 'employee') for (const field of EMPLOYEE_ONLY_ON_UPDATE) if (body[field] !== undefined) (updated as unknown as Body)[field] = body[field];
    return updated;
  }),
  'write',
);

const patchReturn = guarded((request, context, caller) =>
  saveChange(context, request, caller, (record) => {
    const forbiddenPaths = forbiddenPatchPaths(caller, request.body as Array<{ path: string }>);
    if (forbiddenPaths.length > 0) return context.refuse(400, forbiddenPaths);
    let patched: EmporixReturn;
    try {
      // Ops that reach /__proto__ or /constructor/prototype are refused by the library (banPrototypeModifications).
      patched = applyPatch(record, request.body as never, true, true, true).newDocument;
    } catch (error) {
      const operationIndex = (error as { index?: number }).index ?? 0;
      return context.refuse(400, [{ code: 'request.body.patch', location: 'body', pointer: `/${operationIndex}`, message: `patch operation ${operationIndex} cannot be applied: ${(error as Error).message.split('\n')[0]}`, specPointer: '#/components/schemas/PatchOperation' }]);
    }
    // The orders must be well formed before they are checked and priced; saveChange validates the priced result again.
    const invalid = context.validate(RETURN_SCHEMA, patched);
    if (invalid.length > 0) return refuseInvalid(context, invalid);
    // A patched order is held to the same rules as a PUT's, and priced again: the totals follow the quantities.
    const findings = checkReturnedOrders(patched.orders, (orderId) => fixtureOrder(context, tenantOf(request), orderId), context.strictFixtures);
    if (findings.length > 0) return context.refuse(400, findings);
    return { ...patched, ...priceReturn(context, tenantOf(request), patched.orders, record.total.currency) };
  }),
  'write',
);

const deleteReturn = guarded(
  (request, context, caller) =>
    context.store.transact((tx): OperationResult => {
      const record = visibleReturn(context, request, caller, tx);
      if (record === undefined) return notFound(context, request);
      const tenant = tenantOf(request);
      if (caller.kind === 'employee') {
        tx.delete(tenant, RETURNS, record.id);
        return { status: 204 };
      }
      if (record.approvalStatus !== 'PENDING') return notPending(context, record);
      const closed: EmporixReturn = { ...record, approvalStatus: 'CLOSED', metadata: { ...record.metadata, modifiedAt: context.now().toISOString(), version: record.metadata.version + 1 } };
      tx.put(tenant, RETURNS, record.id, closed);
      return { status: 204 };
    }),
  'write',
);

/** Emporix behaviour keyed by the spec's operationIds. */
export const emporixHandlers: Record<string, OperationHandler> = { listReturns, createReturn, getReturn, updateReturn, patchReturn, deleteReturn };
