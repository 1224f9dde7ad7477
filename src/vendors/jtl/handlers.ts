import type { HandlerContext, OperationHandler, VendorTransaction } from '../../core/vendor-plugin.js';
import type { Violation } from '../../core/violation.js';
import { raise } from '../../core/rules.js';
import { canonicalTenant, checkJtlAccess } from './access.js';
import { toDotNetDate } from '../shared/dotnet-date-input.js';
import { withoutNulls } from '../shared/without-nulls.js';
import { JTL_RULES } from './rules.js';
import { checkItemsAgainstOrder, checkReturnReasons, requestedQuantities, type CreateReturnItem } from './check-items.js';
import { formatDotNetDate } from '../shared/dotnet-date.js';
import { resolveReference, type Resolved } from '../shared/resolve-reference.js';
import { FABRICATED, fabricateNamed, fabricateSalesOrder, type JtlNamedRecord, type JtlSalesOrder } from './reference-data.js';
import { ORIGIN_REST_API, returnAnswer, returnNumber, type JtlReturnRecord } from './return-record.js';

type Finding = Omit<Violation, 'operationId'>;

/** The request body (the spec's `CreateReturn`), already valid. */
interface CreateReturnBody {
  CompanyId: number;
  SalesOrderId: number;
  WarehouseId: number;
  Items: CreateReturnItem[];
  ReturnDate?: string;
  ExternalNumber?: string;
  ExternalComment?: string;
  InternalComment?: string;
  Contact?: string;
  Packages?: Array<Record<string, unknown>>;
}

const RETURNS = 'returns';

const UNKNOWN_RULES = { CompanyId: JTL_RULES.companyUnknown, SalesOrderId: JTL_RULES.salesOrderUnknown, WarehouseId: JTL_RULES.warehouseUnknown } as const;

const unknownReference = (field: keyof typeof UNKNOWN_RULES, what: string, id: number): Finding =>
  raise(UNKNOWN_RULES[field], {
    location: 'body',
    pointer: `/${field}`,
    message: `${what} ${id} does not exist`,
    specPointer: `#/components/schemas/CreateReturn/properties/${field}`,
    value: id,
  });

/** The state a new return starts in: the fixtures' `returnStates` entry marked `Initial`, else the first; 0 when there are none. */
function initialStateId(context: HandlerContext): number {
  const states = context.fixtures('returnStates');
  const initial = states.find((state) => state.Initial === true) ?? states[0];
  return typeof initial?.Id === 'number' ? initial.Id : 0;
}

/** Resolves the references, checks the items and, when all is well, stores the return: one atomic step, so parallel creates never race. */
function createInTransaction(
  tx: VendorTransaction,
  context: HandlerContext,
  tenant: string,
  body: CreateReturnBody,
): { violations: Finding[] } | { record: JtlReturnRecord; risks: Finding[] } {
  const strict = context.strictFixtures;
  const seedOf = (kind: string, id: number) => context.seedFor(`jtl/${tenant}/${kind}/${id}`);
  const company: Resolved<JtlNamedRecord> = resolveReference(
    { tx, tenant, collection: FABRICATED.companies, fixtures: context.fixtures('companies'), strict, id: body.CompanyId },
    () => fabricateNamed(seedOf('company', body.CompanyId), 'company', body.CompanyId),
  );
  const order: Resolved<JtlSalesOrder> = resolveReference(
    { tx, tenant, collection: FABRICATED.salesOrders, fixtures: context.fixtures('salesOrders'), strict, id: body.SalesOrderId },
    () => fabricateSalesOrder(seedOf('salesOrder', body.SalesOrderId), body.SalesOrderId, requestedQuantities(body.Items)),
  );
  const warehouse: Resolved<JtlNamedRecord> = resolveReference(
    { tx, tenant, collection: FABRICATED.warehouses, fixtures: context.fixtures('warehouses'), strict, id: body.WarehouseId },
    () => fabricateNamed(seedOf('warehouse', body.WarehouseId), 'warehouse', body.WarehouseId),
  );
  const violations: Finding[] = [];
  if (company === undefined) violations.push(unknownReference('CompanyId', 'company', body.CompanyId));
  if (order === undefined) violations.push(unknownReference('SalesOrderId', 'sales order', body.SalesOrderId));
  if (warehouse === undefined) violations.push(unknownReference('WarehouseId', 'warehouse', body.WarehouseId));
  // Return reasons are reference data like the others: an unknown one is refused only when the fixtures are closed.
  if (strict) violations.push(...checkReturnReasons(body.Items, context.fixtures('returnReasons')));
  if (violations.length > 0 || company === undefined || order === undefined || warehouse === undefined) return { violations };
  const risks = checkItemsAgainstOrder(body.Items, order.record);

  if (company.fabricated) tx.put(tenant, FABRICATED.companies, String(body.CompanyId), company.record);
  if (order.fabricated) tx.put(tenant, FABRICATED.salesOrders, String(body.SalesOrderId), order.record);
  if (warehouse.fabricated) tx.put(tenant, FABRICATED.warehouses, String(body.WarehouseId), warehouse.record);
  const id = tx.nextId(tenant, RETURNS);
  const record: JtlReturnRecord = {
    Id: id,
    Number: returnNumber(id),
    ReturnDate: body.ReturnDate === undefined ? formatDotNetDate(context.now()) : toDotNetDate(body.ReturnDate),
    CustomerId: typeof order.record.CustomerId === 'number' ? order.record.CustomerId : 0,
    ExternalNumber: body.ExternalNumber ?? '',
    Origin: ORIGIN_REST_API,
    CompanyId: body.CompanyId,
    SalesOrderId: body.SalesOrderId,
    StateId: initialStateId(context),
    WarehouseId: body.WarehouseId,
    ExternalComment: body.ExternalComment ?? '',
    InternalComment: body.InternalComment ?? '',
    Contact: body.Contact ?? '',
    Items: body.Items.map((item) => ({ ...item, Id: tx.nextId(tenant, 'returnItems') })),
    Packages: (body.Packages ?? []).map((pkg) => ({ ...pkg, Id: tx.nextId(tenant, 'returnPackages') })),
  };
  tx.put(tenant, RETURNS, String(id), record);
  return { record, risks };
}

/**
 * `POST /erp/returns`: 403 without a documented right, 400 naming each reference the closed fixtures lack
 * (`--strict-fixtures`), else 201 with the stored `Return`; doubtful items and an unnamed scope are kept as risks.
 */
const createReturn: OperationHandler = async (request, context) => {
  const tenant = canonicalTenant(String(request.headerParams['x-tenant-id']));
  const access = checkJtlAccess(request, context, tenant);
  if (access.denied !== undefined) return context.refuse(403, [access.denied]);
  const body = withoutNulls(request.body as CreateReturnBody);
  const outcome = await context.store.transact((tx) => createInTransaction(tx, context, tenant, body));
  if ('violations' in outcome) return context.refuse(400, outcome.violations);
  for (const risk of [...access.risks, ...outcome.risks]) context.note(risk);
  return { status: 201, body: returnAnswer(outcome.record) };
};

/** JTL behaviour keyed by the spec's operationIds. */
export const jtlHandlers: Record<string, OperationHandler> = { createReturn };
