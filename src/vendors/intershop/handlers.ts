import type { OperationHandler } from '../../core/vendor-plugin.js';
import { createApproval } from './create-approval.js';
import { createReturnRequest } from './create-return-request.js';
import { permissionProblem } from './permissions.js';
import { listReturnables, listReturnReasons } from './read-order-data.js';
import {
  getReturnRequest,
  getReturnRequestPosition,
  listContactPersons,
  listCustomAttributes,
  listPickupAddresses,
  listReturnRequestPositionItems,
  listReturnRequestPositions,
  listReturnRequests,
} from './read-return-requests.js';
import { shopNameOf } from './request-path.js';

/** Runs a handler only for a caller holding the operation's permission at the path's shop (403 otherwise). */
const guarded =
  (handler: OperationHandler): OperationHandler =>
  (request, context) => {
    const denied = permissionProblem(request, context.declaredCredential, shopNameOf(request));
    return denied === undefined ? handler(request, context) : context.refuse(403, [denied]);
  };

const handlers: Record<string, OperationHandler> = {
  listReturnRequests,
  createReturnRequest,
  listReturnables,
  getReturnRequest,
  createApproval,
  listContactPersons,
  listCustomAttributes,
  listPickupAddresses,
  listReturnRequestPositions,
  getReturnRequestPosition,
  listReturnRequestPositionItems,
  listReturnReasons,
};

/** Intershop IOM behaviour keyed by the spec's operationIds, each behind the shop permission check. */
export const intershopHandlers: Record<string, OperationHandler> = Object.fromEntries(Object.entries(handlers).map(([operationId, handler]) => [operationId, guarded(handler)]));
