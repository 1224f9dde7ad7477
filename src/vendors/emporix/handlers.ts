import { raise, refuses } from '../../core/rules.js';
import type { OperationResult } from '../../core/http.js';
import type { OperationHandler } from '../../core/vendor-plugin.js';
import { withoutNullProperties } from '../shared/without-null-properties.js';
import { patchReturn, updateReturn } from './change-return.js';
import { checkReturnedOrders } from './check-orders.js';
import { EMPLOYEE_ONLY_ON_CREATE, employeeOnlyFields } from './customer-rules.js';
import { EMPLOYEE_CREATE, missingEmployeeFields } from './employee-rules.js';
import { readExpiryDate } from './expiry-date.js';
import { fixtureOrder, tenantCurrency } from './order-data.js';
import { priceReturn } from './price-return.js';
import { parseEmporixQuery, parseEmporixSort } from './query.js';
import { guarded, notFound, notPending, RETURNS, tenantOf, visibleReturn } from './return-access.js';
import { selectReturns } from './select-returns.js';
import { customerView, DEFAULT_EXPIRY_DAYS, type EmporixReturn, type OrderInput } from './return-record.js';
import { RULES } from './rules.js';

type Body = Record<string, unknown>;

const listReturns = guarded((request, context, caller) => {
  const q = request.query.q;
  const parsed = typeof q === 'string' ? parseEmporixQuery(q) : { ok: true as const, terms: [] };
  if (!parsed.ok) {
    return context.refuse(400, [
      raise(RULES.queryUnreadable, { location: 'query', pointer: '/q', message: parsed.message, specPointer: '#/paths/~1return~1{tenant}~1returns/get', value: q }),
    ]);
  }
  const sort = request.query.sort;
  const sorted = typeof sort === 'string' && sort.trim() !== '' ? parseEmporixSort(sort) : { ok: true as const, keys: [] };
  if (!sorted.ok) {
    return context.refuse(400, [
      raise(RULES.sortUnreadable, { location: 'query', pointer: '/sort', message: sorted.message, specPointer: '#/components/parameters/sort', value: sort }),
    ]);
  }
  const pageSize = (request.query.pageSize as number | undefined) ?? 60;
  const pageNumber = (request.query.pageNumber as number | undefined) ?? 1;
  const customerId = caller.kind === 'employee' ? undefined : caller.customerId;
  const { page, total } = selectReturns(context.store, tenantOf(request), customerId, { terms: parsed.terms, keys: sorted.keys, pageSize, pageNumber });
  const headers: Record<string, string> = {};
  if (request.headerParams['x-total-count'] === true) headers['X-Total-Count'] = String(total);
  return { status: 200, headers, body: page };
});

/**
 * A create: refused (400) for fields only an employee may set (for a customer), fields an employee must send (for an
 * employee) and orders that cannot be returned together; risks (orders that do not fit the fixtures, an expiry date
 * without offset) are noted and the return is created.
 */
const createReturn = guarded(async (request, context, caller) => {
  const body = withoutNullProperties(request.body as Body);
  const tenant = tenantOf(request);
  const expiry = caller.kind === 'employee' && typeof body.expiryDate === 'string' ? readExpiryDate(body.expiryDate, '/expiryDate') : undefined;
  const findings = [
    ...employeeOnlyFields(caller, body, EMPLOYEE_ONLY_ON_CREATE),
    ...missingEmployeeFields(caller, body, EMPLOYEE_CREATE),
    ...checkReturnedOrders(body.orders as OrderInput[], (orderId) => fixtureOrder(context, tenant, orderId), context.strictFixtures),
    ...(expiry?.risk === undefined ? [] : [expiry.risk]),
  ];
  const refused = findings.filter(refuses);
  if (refused.length > 0) return context.refuse(400, refused);
  for (const finding of findings) context.note(finding);
  const now = context.now();
  const { orders, total } = priceReturn(context, tenant, body.orders as OrderInput[], tenantCurrency(context, tenant));
  const record: Omit<EmporixReturn, 'id'> = {
    approvalStatus: 'PENDING',
    received: false,
    orders,
    reason: body.reason,
    total,
    expiryDate: expiry?.instant ?? new Date(now.getTime() + DEFAULT_EXPIRY_DAYS * 86_400_000).toISOString(),
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
      const closed: EmporixReturn = {
        ...record,
        approvalStatus: 'CLOSED',
        metadata: { ...record.metadata, modifiedAt: context.now().toISOString(), version: record.metadata.version + 1 },
      };
      tx.put(tenant, RETURNS, record.id, closed);
      return { status: 204 };
    }),
  'write',
);

/** Emporix behaviour keyed by the spec's operationIds. */
export const emporixHandlers: Record<string, OperationHandler> = { listReturns, createReturn, getReturn, updateReturn, patchReturn, deleteReturn };
