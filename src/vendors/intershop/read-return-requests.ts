import type { OperationResult } from '../../core/http.js';
import { raise } from '../../core/rules.js';
import type { ValidatedRequest } from '../../core/request.js';
import type { HandlerContext, OperationHandler } from '../../core/vendor-plugin.js';
import { resolveScope } from './order-scope.js';
import { orderNumberOf, returnRequestIdOf, returnRequestNotFound, shopNameOf } from './request-path.js';
import { RULES } from './rules.js';
import { COLLECTIONS, readPosition, readReturnRequest, type OrderLedger, type StoredPosition, type StoredReturnRequest } from './return-request-record.js';

/**
 * The return request the path names, or the 404 answer: under `--strict-fixtures` first for an unknown shop or
 * order; otherwise an order without this request (an unknown order has none) is the request's 404.
 */
async function findReturnRequest(request: ValidatedRequest, context: HandlerContext): Promise<{ record: StoredReturnRequest } | { answer: OperationResult }> {
  const shopName = shopNameOf(request);
  const shopOrderNumber = orderNumberOf(request);
  if (context.strictFixtures) {
    const scoped = await resolveScope(context, shopName, shopOrderNumber);
    if ('missing' in scoped) return { answer: context.refuse(404, [scoped.missing]) };
  }
  const record = context.store.get<StoredReturnRequest>(shopName, COLLECTIONS.returnRequests, returnRequestIdOf(request));
  if (record === undefined || record.shopOrderNumber !== shopOrderNumber) return { answer: returnRequestNotFound(context, request) };
  return { record };
}

/** A GET of one return request's part: 200 with what `read` takes of it, or the request's 404. */
const readingReturnRequest =
  (read: (record: StoredReturnRequest, request: ValidatedRequest, context: HandlerContext) => OperationResult): OperationHandler =>
  async (request, context) => {
    const found = await findReturnRequest(request, context);
    return 'answer' in found ? found.answer : read(found.record, request, context);
  };

/** `GET .../return-requests`: the order's requests in creation order (an unknown order is fabricated first, or 404 under strict fixtures). */
export const listReturnRequests: OperationHandler = async (request, context) => {
  const shopName = shopNameOf(request);
  const shopOrderNumber = orderNumberOf(request);
  const scoped = await resolveScope(context, shopName, shopOrderNumber);
  if ('missing' in scoped) return context.refuse(404, [scoped.missing]);
  const ledger = context.store.get<OrderLedger>(shopName, COLLECTIONS.ledgers, shopOrderNumber);
  const records = (ledger?.returnRequestIds ?? []).map((id) => context.store.get<StoredReturnRequest>(shopName, COLLECTIONS.returnRequests, String(id)));
  return { status: 200, body: records.filter((record) => record !== undefined).map(readReturnRequest) };
};

export const getReturnRequest = readingReturnRequest((record) => ({ status: 200, body: readReturnRequest(record) }));
export const listContactPersons = readingReturnRequest((record) => ({ status: 200, body: record.contactPersons }));
export const listCustomAttributes = readingReturnRequest((record) => ({ status: 200, body: record.customAttributes }));
export const listPickupAddresses = readingReturnRequest((record) => ({ status: 200, body: record.pickupAddresses }));
export const listReturnRequestPositions = readingReturnRequest((record) => ({ status: 200, body: record.positions.map(readPosition) }));

/** The position the path names within its return request, or the 404 naming `returnRequestPositionId`. */
function withPosition(read: (position: StoredPosition) => OperationResult) {
  return readingReturnRequest((record, request, context) => {
    const position = record.positions.find((candidate) => String(candidate.id) === String(request.pathParams.returnRequestPositionId));
    if (position !== undefined) return read(position);
    return context.refuse(404, [
      raise(RULES.positionNotFound, {
        location: 'path',
        pointer: '/returnRequestPositionId',
        message: `position ${String(request.pathParams.returnRequestPositionId)} (returnRequestPositionId) is not a position of return request ${record.id}`,
        specPointer: '#/components/parameters/returnRequestPositionId',
        value: request.pathParams.returnRequestPositionId,
      }),
    ]);
  });
}

export const getReturnRequestPosition = withPosition((position) => ({ status: 200, body: readPosition(position) }));
export const listReturnRequestPositionItems = withPosition((position) => ({ status: 200, body: position.items }));
