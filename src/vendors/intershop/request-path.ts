import type { ValidatedRequest } from '../../core/request.js';
import type { HandlerContext } from '../../core/vendor-plugin.js';
import { raise } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import { RULES } from './rules.js';

/** The shop (the tenant) and order a request's path names. */
export const shopNameOf = (request: ValidatedRequest): string => String(request.pathParams.shopName);
export const orderNumberOf = (request: ValidatedRequest): string => String(request.pathParams.shopOrderNumber);
export const returnRequestIdOf = (request: ValidatedRequest): string => String(request.pathParams.returnRequestId);

/** The absolute URL of a return request (for `Location`), its path segments encoded. */
export function returnRequestUrl(request: ValidatedRequest, id: number): string {
  return `${request.baseUrl}/shops/${encodeURIComponent(shopNameOf(request))}/orders/${encodeURIComponent(orderNumberOf(request))}/return-requests/${id}`;
}

/** 404 for a return request the order does not have. */
export const returnRequestNotFound = (context: HandlerContext, request: ValidatedRequest) => context.refuse(404, [returnRequestMissing(request)]);

export const returnRequestMissing = (request: ValidatedRequest): Omit<Violation, 'operationId'> =>
  raise(RULES.returnRequestNotFound, {
    location: 'path',
    pointer: '/returnRequestId',
    message: `return request ${returnRequestIdOf(request)} (returnRequestId) does not exist for order '${orderNumberOf(request)}' in shop '${shopNameOf(request)}'`,
    specPointer: '#/components/parameters/returnRequestId',
    value: request.pathParams.returnRequestId,
  });
