import type { ValidatedRequest } from '../../core/request.js';
import type { HandlerContext, OperationHandler, VendorTransaction } from '../../core/vendor-plugin.js';
import type { Violation } from '../../core/violation.js';
import { resolveScope } from './order-scope.js';
import { updateHeld } from './returnables.js';
import { orderNumberOf, returnRequestIdOf, returnRequestMissing, returnRequestUrl, shopNameOf } from './request-path.js';
import { COLLECTIONS, DECIDED, emptyLedger, toId, type OrderLedger, type StoredReturnRequest } from './return-request-record.js';

/** The request body (the spec's `WriteApproval`), already valid: `comment` is there when `status` is `NOT_APPROVED`. */
interface WriteApproval {
  status: keyof typeof DECIDED;
  comment?: string;
}

type Outcome = { status: 404 | 400; findings: Array<Omit<Violation, 'operationId'>> } | { approvalId: number; returnRequestId: number };

const alreadyDecided = (record: StoredReturnRequest): Omit<Violation, 'operationId'> => ({
  code: 'state.return-request.already-decided',
  location: 'state',
  pointer: '/status',
  message: `'/status': return request ${record.id} is already decided (status ${record.status}, businessStatus ${record.businessStatus}); only an INITIAL one takes an approval`,
  specPointer: '#/components/schemas/ReadReturnRequest/properties/status',
  value: record.status,
});

/** Decides an `INITIAL` request: moves both statuses, and a rejection gives its positions back to what is returnable. */
function approveInTransaction(tx: VendorTransaction, context: HandlerContext, request: ValidatedRequest, body: WriteApproval): Outcome {
  const shopName = shopNameOf(request);
  const shopOrderNumber = orderNumberOf(request);
  const record = tx.get<StoredReturnRequest>(shopName, COLLECTIONS.returnRequests, returnRequestIdOf(request));
  if (record === undefined || record.shopOrderNumber !== shopOrderNumber) return { status: 404, findings: [returnRequestMissing(request)] };
  if (record.status !== 'INITIAL') return { status: 400, findings: [alreadyDecided(record)] };
  const approvalId = toId(tx.nextId(shopName, 'approvals'));
  const approval = { id: approvalId, status: body.status, ...(body.comment === undefined ? {} : { comment: body.comment }), creationDate: context.now().toISOString() };
  tx.put(shopName, COLLECTIONS.returnRequests, String(record.id), { ...record, ...DECIDED[body.status], approvals: [...record.approvals, approval] });
  if (body.status === 'NOT_APPROVED') {
    const ledger = tx.get<OrderLedger>(shopName, COLLECTIONS.ledgers, shopOrderNumber) ?? emptyLedger();
    tx.put(shopName, COLLECTIONS.ledgers, shopOrderNumber, updateHeld(ledger, record.positions, -1));
  }
  return { approvalId, returnRequestId: record.id };
}

/** `POST .../approvals`: 201 with the approval's `Location`; 404 for an unknown shop, order or request; 400 for a decided request. */
export const createApproval: OperationHandler = async (request, context) => {
  if (context.strictFixtures) {
    const scoped = await resolveScope(context, shopNameOf(request), orderNumberOf(request));
    if ('missing' in scoped) return context.refuse(404, [scoped.missing]);
  }
  // An unknown request is refused without a transaction (which would cost a disk write); the transaction checks again.
  const known = context.store.get<StoredReturnRequest>(shopNameOf(request), COLLECTIONS.returnRequests, returnRequestIdOf(request));
  if (known === undefined) return context.refuse(404, [returnRequestMissing(request)]);
  const outcome = await context.store.transact((tx) => approveInTransaction(tx, context, request, request.body as WriteApproval));
  if ('findings' in outcome) return context.refuse(outcome.status, outcome.findings);
  return { status: 201, headers: { Location: `${returnRequestUrl(request, outcome.returnRequestId)}/approvals/${outcome.approvalId}` } };
};
