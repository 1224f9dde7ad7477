import type { OperationResult } from '../../core/http.js';
import type { ValidatedRequest } from '../../core/request.js';
import { raise } from '../../core/rules.js';
import type { HandlerContext, OperationHandler, VendorTransaction } from '../../core/vendor-plugin.js';
import { satisfiesSecurity } from '../shared/granted-scopes.js';
import { identifyEmporixCaller, type EmporixCaller } from './caller.js';
import { missingSaasToken } from './customer-rules.js';
import { tenantRecord } from './order-data.js';
import type { EmporixReturn } from './return-record.js';
import { RULES } from './rules.js';

/** A caller the gateway let through: an employee or a named customer. */
export type IdentifiedCaller = Exclude<EmporixCaller, { kind: 'unidentified' }>;

/** The store collection of a tenant's returns. */
export const RETURNS = 'returns';

export const tenantOf = (request: ValidatedRequest) => String(request.pathParams.tenant);
export const returnIdOf = (request: ValidatedRequest) => String(request.pathParams.returnId);

export const notFound = (context: HandlerContext, request: ValidatedRequest) =>
  context.refuse(404, [
    raise(RULES.returnNotFound, {
      location: 'path',
      pointer: '/returnId',
      message: `return '${returnIdOf(request)}' does not exist`,
      specPointer: '#/components/responses/ReturnNotFound',
      value: returnIdOf(request),
    }),
  ]);

export const notPending = (context: HandlerContext, record: EmporixReturn) =>
  context.refuse(400, [
    raise(RULES.notPending, {
      location: 'state',
      pointer: '/approvalStatus',
      message: `a customer can change a return only while it is PENDING; it is ${record.approvalStatus}`,
      specPointer: '#/components/schemas/ApprovalStatus',
      value: record.approvalStatus,
    }),
  ]);

const forbidden = (context: HandlerContext) =>
  context.refuse(403, [
    raise(RULES.scopeMissing, {
      location: 'security',
      pointer: '/Authorization',
      message: 'the access token lacks the scope this operation requires',
      specPointer: '#/components/securitySchemes/OAuth2',
    }),
  ]);

const tenantNotFound = (context: HandlerContext, request: ValidatedRequest) =>
  context.refuse(404, [
    raise(RULES.tenantNotFound, {
      location: 'path',
      pointer: '/tenant',
      message: `The tenant ${tenantOf(request)} has not been found.`,
      specPointer: '#/components/responses/TenantNotFound',
      value: tenantOf(request),
    }),
  ]);

/** Reads the return a caller may see (a customer only their own), from the store or, for a change, from inside its transaction. */
export function visibleReturn(
  context: HandlerContext,
  request: ValidatedRequest,
  caller: EmporixCaller,
  reader: Pick<VendorTransaction, 'get'> = context.store,
): EmporixReturn | undefined {
  const record = reader.get<EmporixReturn>(tenantOf(request), RETURNS, returnIdOf(request));
  if (record === undefined) return undefined;
  if (caller.kind === 'customer' && record.requestor?.customerId !== caller.customerId) return undefined;
  return record;
}

/**
 * Runs a handler only for a caller whose token grants the operation's scopes (403 otherwise), in a tenant the fixtures
 * know under `--strict-fixtures` (404 otherwise), and, for a customer's write, with `saas-token` (400 otherwise).
 */
export const guarded =
  (
    handler: (request: ValidatedRequest, context: HandlerContext, caller: IdentifiedCaller) => OperationResult | Promise<OperationResult>,
    access: 'read' | 'write' = 'read',
  ): OperationHandler =>
  (request, context) => {
    const caller = identifyEmporixCaller(request, context.declaredCredential);
    if (caller.kind === 'unidentified')
      return context.refuse(401, [
        raise(RULES.tokenInvalid, { location: 'security', pointer: caller.pointer, message: caller.message, specPointer: '#/components/securitySchemes/OAuth2' }),
      ]);
    if (!satisfiesSecurity(request, caller.scopes)) return forbidden(context);
    if (context.strictFixtures && tenantRecord(context, tenantOf(request)) === undefined) return tenantNotFound(context, request);
    const noSaasToken = access === 'write' ? missingSaasToken(caller) : undefined;
    if (noSaasToken !== undefined) return context.refuse(400, [noSaasToken]);
    return handler(request, context, caller);
  };
