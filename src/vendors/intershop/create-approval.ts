import type { ValidatedRequest } from '../../core/request.js';
import type { HandlerContext, OperationHandler, VendorTransaction } from '../../core/vendor-plugin.js';
import { raise } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import { withoutNullProperties } from '../shared/without-null-properties.js';
import { resolveScope } from './order-scope.js';
import { updateHeld } from './returnables.js';
import { orderNumberOf, returnRequestIdOf, returnRequestMissing, returnRequestUrl, shopNameOf } from './request-path.js';
import { COLLECTIONS, DECIDED, emptyLedger, toId, type OrderLedger, type StoredReturnRequest } from './return-request-record.js';
import { RULES } from './rules.js';

/** The request body (the spec's `WriteApproval`), already valid: `comment` is there when `status` is `NOT_APPROVED`. */
interface WriteApproval {
  status: keyof typeof DECIDED;
  comment?: string;
}

type Finding = Omit<Violation, 'operationId'>;
type Outcome = { status: 404; findings: Finding[] } | { approvalId: number; returnRequestId: number; risk?: Finding };

const alreadyDecided = (record: StoredReturnRequest): Finding =>
  raise(RULES.alreadyDecided, {
    location: 'state',
    pointer: '/status',
    message: `'/status': return request ${record.id} is already decided (status ${record.status}, businessStatus ${record.businessStatus}); the approval is recorded, the status stays`,
    specPointer: '#/components/schemas/ReadReturnRequest/properties/status',
    value: record.status,
  });

/**
 * Decides an `INITIAL` request: moves both statuses, and a rejection gives its positions back to what is returnable.
 * A decided request only records the approval (a risk): which of two decisions IOM keeps, the page does not say.
 */
function approveInTransaction(tx: VendorTransaction, context: HandlerContext, request: ValidatedRequest, body: WriteApproval): Outcome {
  const shopName = shopNameOf(request);
  const shopOrderNumber = orderNumberOf(request);
  const record = tx.get<StoredReturnRequest>(shopName, COLLECTIONS.returnRequests, returnRequestIdOf(request));
  if (record === undefined || record.shopOrderNumber !== shopOrderNumber) return { status: 404, findings: [returnRequestMissing(request)] };
  const approvalId = toId(tx.nextId(shopName, 'approvals'));
  const approval = { id: approvalId, status: body.status, ...(body.comment === undefined ? {} : { comment: body.comment }), creationDate: context.now().toISOString() };
  if (record.status !== 'INITIAL') {
    tx.put(shopName, COLLECTIONS.returnRequests, String(record.id), { ...record, approvals: [...record.approvals, approval] });
    return { approvalId, returnRequestId: record.id, risk: alreadyDecided(record) };
  }
  tx.put(shopName, COLLECTIONS.returnRequests, String(record.id), { ...record, ...DECIDED[body.status], approvals: [...record.approvals, approval] });
  if (body.status === 'NOT_APPROVED') {
    const ledger = tx.get<OrderLedger>(shopName, COLLECTIONS.ledgers, shopOrderNumber) ?? emptyLedger();
    tx.put(shopName, COLLECTIONS.ledgers, shopOrderNumber, updateHeld(ledger, record.positions, -1));
  }
  return { approvalId, returnRequestId: record.id };
}

/** `POST .../approvals`: 201 with the approval's `Location`; 404 for an unknown shop, order or request. */
export const createApproval: OperationHandler = async (request, context) => {
  if (context.strictFixtures) {
    const scoped = await resolveScope(context, shopNameOf(request), orderNumberOf(request));
    if ('missing' in scoped) return context.refuse(404, [scoped.missing]);
  }
  // An unknown request is refused without a transaction (which would cost a disk write); the transaction checks again.
  const known = context.store.get<StoredReturnRequest>(shopNameOf(request), COLLECTIONS.returnRequests, returnRequestIdOf(request));
  if (known === undefined) return context.refuse(404, [returnRequestMissing(request)]);
  const body = withoutNullProperties(request.body as WriteApproval);
  const outcome = await context.store.transact((tx) => approveInTransaction(tx, context, request, body));
  if ('findings' in outcome) return context.refuse(outcome.status, outcome.findings);
  if (outcome.risk !== undefined) context.note(outcome.risk);
  if (body.status === 'NOT_APPROVED' && (body.comment ?? '').trim() === '') {
    context.note(
      raise(RULES.rejectionCommentBlank, {
        location: 'body',
        pointer: '/comment',
        message: "'/comment' is blank: IOM requires a comment for NOT_APPROVED",
        specPointer: '#/components/schemas/WriteApproval/properties/comment',
        value: body.comment,
      }),
    );
  }
  return { status: 201, headers: { Location: `${returnRequestUrl(request, outcome.returnRequestId)}/approvals/${outcome.approvalId}` } };
};
