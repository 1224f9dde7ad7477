import type { OperationResult } from '../../core/http.js';
import type { ValidatedRequest } from '../../core/request.js';
import { raise, refuses } from '../../core/rules.js';
import type { HandlerContext } from '../../core/vendor-plugin.js';
import type { Violation } from '../../core/violation.js';
import applyPatchModule from 'fast-json-patch';
import { withoutNullProperties } from '../shared/without-null-properties.js';
import type { EmporixCaller } from './caller.js';
import { checkReturnedOrders } from './check-orders.js';
import { EMPLOYEE_ONLY_ON_UPDATE, employeeOnlyFields, forbiddenPatchPaths } from './customer-rules.js';
import { EMPLOYEE_UPDATE, missingEmployeeFields } from './employee-rules.js';
import { readExpiryDate } from './expiry-date.js';
import { fixtureOrder } from './order-data.js';
import { priceReturn } from './price-return.js';
import { guarded, notFound, notPending, RETURNS, tenantOf, visibleReturn, type IdentifiedCaller } from './return-access.js';
import type { EmporixReturn, OrderInput } from './return-record.js';
import { RULES } from './rules.js';

const { applyPatch } = applyPatchModule;
const RETURN_SCHEMA = '#/components/schemas/Return';
type Body = Record<string, unknown>;
type Finding = Omit<Violation, 'operationId'>;

/** The scope PATCH's prose pairs with each manage scope. */
const PATCH_READ_SCOPE = { employee: 'returns.returns_read', customer: 'returns.returns_read_own' } as const;
const MANAGE_SCOPE = { employee: 'returns.returns_manage', customer: 'returns.returns_manage_own' } as const;

/** A changed return that breaks the `Return` schema, each violation naming the field. */
const refuseInvalid = (context: HandlerContext, violations: Violation[]) =>
  context.refuse(
    400,
    violations.map((violation) => raise(RULES.returnInvalid, { ...violation, location: 'body' })),
  );

/**
 * PUT and PATCH end alike: a customer may change only a PENDING return; version and modifiedAt move on. The return is
 * read, checked (the version) and written in one transaction, so of two changes to one version only one is accepted,
 * also across replicas sharing a database. `change` collects its risks and notices; they are noted once it is done.
 */
async function saveChange(
  context: HandlerContext,
  request: ValidatedRequest,
  caller: EmporixCaller,
  change: (record: EmporixReturn, noted: Finding[]) => EmporixReturn | OperationResult,
): Promise<OperationResult> {
  const noted: Finding[] = [];
  const result = await context.store.transact((tx): OperationResult => {
    noted.length = 0;
    const record = visibleReturn(context, request, caller, tx);
    if (record === undefined) return notFound(context, request);
    if (caller.kind === 'customer' && record.approvalStatus !== 'PENDING') return notPending(context, record);
    const changed = change(structuredClone(record), noted);
    if (!('id' in changed)) return changed;
    changed.id = record.id;
    changed.metadata = { ...changed.metadata, createdAt: record.metadata.createdAt, modifiedAt: context.now().toISOString(), version: record.metadata.version + 1 };
    const violations = context.validate(RETURN_SCHEMA, changed);
    if (violations.length > 0) return refuseInvalid(context, violations);
    tx.put(tenantOf(request), RETURNS, record.id, changed);
    return { status: 204 };
  });
  for (const finding of noted) context.note(finding);
  return result;
}

/** Refuses what refuses; keeps the rest (risks, notices) to note. */
function sortFindings(context: HandlerContext, findings: Finding[], noted: Finding[]): OperationResult | undefined {
  const refused = findings.filter(refuses);
  if (refused.length > 0) return context.refuse(400, refused);
  noted.push(...findings);
  return undefined;
}

export const updateReturn = guarded(
  (request, context, caller) =>
    saveChange(context, request, caller, (record, noted) => {
      const body = withoutNullProperties(request.body as Body);
      if (body.id !== undefined && body.id !== record.id) {
        noted.push(
          raise(RULES.idMismatch, {
            location: 'body',
            pointer: '/id',
            message: `the body's id '${String(body.id)}' is not the path's returnId '${record.id}'; the path's return is updated`,
            specPointer: '#/components/schemas/UpdateReturn/properties/id',
            value: body.id,
          }),
        );
      }
      const version = (body.metadata as Body).version;
      if (version !== record.metadata.version) {
        return context.refuse(409, [
          raise(RULES.versionConflict, {
            location: 'body',
            pointer: '/metadata/version',
            message: `metadata.version ${String(version)} is not the stored version ${record.metadata.version}`,
            specPointer: '#/components/schemas/UpdateMetadata/properties/version',
            value: version,
          }),
        ]);
      }
      const expiry = caller.kind === 'employee' && typeof body.expiryDate === 'string' ? readExpiryDate(body.expiryDate, '/expiryDate') : undefined;
      const findings = [
        ...employeeOnlyFields(caller, body, EMPLOYEE_ONLY_ON_UPDATE, record as unknown as Body),
        ...missingEmployeeFields(caller, body, EMPLOYEE_UPDATE),
        ...checkReturnedOrders(body.orders as OrderInput[], (orderId) => fixtureOrder(context, tenantOf(request), orderId), context.strictFixtures),
        ...(expiry?.risk === undefined ? [] : [expiry.risk]),
      ];
      const refused = sortFindings(context, findings, noted);
      if (refused !== undefined) return refused;
      const { orders, total } = priceReturn(context, tenantOf(request), body.orders as OrderInput[], record.total.currency);
      const updated: EmporixReturn = { ...record, orders, total, reason: body.reason };
      if (body.mixins !== undefined) updated.mixins = body.mixins;
      const metadataMixins = (body.metadata as Body).mixins;
      if (metadataMixins !== undefined) updated.metadata = { ...updated.metadata, mixins: metadataMixins };
      // An employee field the PUT leaves out keeps its stored value (a risk above); a customer's are ignored.
      if (caller.kind === 'employee') for (const field of EMPLOYEE_ONLY_ON_UPDATE) if (body[field] !== undefined) (updated as unknown as Body)[field] = body[field];
      if (expiry !== undefined) updated.expiryDate = expiry.instant;
      return updated;
    }),
  'write',
);

/** The read scope PATCH's prose pairs with the caller's manage scope, when the token states its scopes and lacks it. */
function missingPatchReadScope(caller: IdentifiedCaller): string | undefined {
  if (caller.scopes === undefined || !caller.scopes.has(MANAGE_SCOPE[caller.kind])) return undefined;
  const read = PATCH_READ_SCOPE[caller.kind];
  return caller.scopes.has(read) ? undefined : read;
}

export const patchReturn = guarded((request, context, caller) => {
  const missingRead = missingPatchReadScope(caller);
  if (missingRead !== undefined) {
    context.note(
      raise(RULES.patchScopePairIncomplete, {
        location: 'security',
        pointer: '/Authorization',
        message: `the token holds ${MANAGE_SCOPE[caller.kind]} without ${missingRead}, which the PATCH description pairs with it`,
        specPointer: '#/components/securitySchemes/OAuth2',
        value: missingRead,
      }),
    );
  }
  return saveChange(context, request, caller, (record, noted) => {
    const operations = request.body as Array<{ path: string }>;
    const pathFindings = forbiddenPatchPaths(caller, operations);
    const refusedPaths = sortFindings(context, pathFindings, noted);
    if (refusedPaths !== undefined) return refusedPaths;
    // The service's own fields are not patched: those operations are skipped (a risk noted above).
    const skipped = new Set(pathFindings.map((finding) => Number(finding.pointer.split('/')[1])));
    const applied = operations.map((operation, index) => ({ operation, index })).filter(({ index }) => !skipped.has(index));
    // applyPatch changes `record` itself (a clone): keep what the comparison below needs.
    const storedExpiryDate = record.expiryDate;
    let patched: EmporixReturn;
    try {
      // Ops that reach /__proto__ or /constructor/prototype are refused by the library (banPrototypeModifications).
      patched = applyPatch(record, applied.map(({ operation }) => operation) as never, true, true, true).newDocument;
    } catch (error) {
      const operationIndex = applied[(error as { index?: number }).index ?? 0]?.index ?? 0;
      return context.refuse(400, [
        raise(RULES.patchNotApplicable, {
          location: 'body',
          pointer: `/${operationIndex}`,
          message: `patch operation ${operationIndex} cannot be applied: ${(error as Error).message.split('\n')[0]}`,
          specPointer: '#/components/schemas/PatchOperation',
        }),
      ]);
    }
    // An employee's patched expiry date is read as a PUT's is (a date or a date-time without offset as UTC, a risk).
    if (typeof patched.expiryDate === 'string' && patched.expiryDate !== storedExpiryDate) {
      const expiry = readExpiryDate(patched.expiryDate, '/expiryDate');
      if (expiry.risk !== undefined) noted.push(expiry.risk);
      patched.expiryDate = expiry.instant;
    }
    // The orders must be well formed before they are checked and priced; saveChange validates the priced result again.
    const invalid = context.validate(RETURN_SCHEMA, patched);
    if (invalid.length > 0) return refuseInvalid(context, invalid);
    // A patched order is held to the same rules as a PUT's, and priced again: the totals follow the quantities.
    const refusedOrders = sortFindings(
      context,
      checkReturnedOrders(patched.orders, (orderId) => fixtureOrder(context, tenantOf(request), orderId), context.strictFixtures),
      noted,
    );
    if (refusedOrders !== undefined) return refusedOrders;
    return { ...patched, ...priceReturn(context, tenantOf(request), patched.orders, record.total.currency) };
  });
}, 'write');
