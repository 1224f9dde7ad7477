import type { HandlerContext, OperationHandler, VendorTransaction } from '../../core/vendor-plugin.js';
import { raise } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import { checkReturnReasons, checkRowsAgainstOrder, checkRowsOnTheirOwn, requestedQuantities } from './check-rows.js';
import { formatDotNetDate } from '../shared/dotnet-date.js';
import type { OrderReturnChanges } from './order-return-changes.js';
import { buildOrderReturn, orderReturnAnswer, type OrderReturnRecord } from './order-return-record.js';
import { resolveReference, type Resolved } from '../shared/resolve-reference.js';
import { FABRICATED, fabricateOrder, fabricateWarehouse, productOf, rowsOf, TENANT, type ShopCtrlOrder } from './reference-data.js';
import { SHOPCTRL_RULES } from './rules.js';
import { FABRICATED_STATUSES, resolveStatus } from './statuses.js';
import { withoutNulls } from '../shared/without-nulls.js';

type Finding = Omit<Violation, 'operationId'>;

const RETURNS = 'returns';

const UNKNOWN_RULES = { OrderId: SHOPCTRL_RULES.orderUnknown, WarehouseId: SHOPCTRL_RULES.warehouseUnknown } as const;

const unknownReference = (field: keyof typeof UNKNOWN_RULES, what: string, id: number): Finding =>
  raise(UNKNOWN_RULES[field], {
    location: 'body',
    pointer: `/${field}`,
    message: `${what} ${id} does not exist`,
    specPointer: `#/components/schemas/OrderReturnChanges/properties/${field}`,
    value: id,
  });

/** Resolves order, warehouse and statuses, checks the rows and, when all is well, stores the return: one atomic step, so parallel adds never race. */
function addInTransaction(
  tx: VendorTransaction,
  context: HandlerContext,
  changes: OrderReturnChanges,
): { violations: Finding[] } | { record: OrderReturnRecord; risks: Finding[] } {
  const strict = context.strictFixtures;
  const rows = changes.OrderReturnRows ?? [];
  const order: Resolved<ShopCtrlOrder> = resolveReference(
    { tx, tenant: TENANT, collection: FABRICATED.orders, fixtures: context.fixtures('orders'), strict, id: changes.OrderId },
    () => fabricateOrder(context.seedFor(`shopctrl/order/${changes.OrderId}`), changes.OrderId, requestedQuantities(rows)),
  );
  const warehouseId = changes.WarehouseId;
  const warehouse =
    warehouseId === undefined
      ? undefined
      : resolveReference({ tx, tenant: TENANT, collection: FABRICATED.warehouses, fixtures: context.fixtures('warehouses'), strict, id: warehouseId }, () =>
          fabricateWarehouse(context.seedFor(`shopctrl/warehouse/${warehouseId}`), warehouseId),
        );
  const seedFor = (key: string) => context.seedFor(key);
  const main = resolveStatus('main', changes.MainStatusId, { tx, statuses: context.fixtures('mainStatuses'), strict, seedFor });
  const custom = resolveStatus('custom', changes.CustomStatusId, { tx, statuses: context.fixtures('customStatuses'), strict, seedFor });

  const violations: Finding[] = [];
  if (order === undefined) violations.push(unknownReference('OrderId', 'order', changes.OrderId));
  if (warehouseId !== undefined && warehouse === undefined) violations.push(unknownReference('WarehouseId', 'warehouse', warehouseId));
  for (const { finding } of [main, custom]) if (finding !== undefined) violations.push(finding);
  // Return reasons are reference data like the others: an unknown one is refused only when the fixtures are closed.
  if (strict) violations.push(...checkReturnReasons(rows, context.fixtures('returnReasons')));
  if (violations.length > 0 || order === undefined) return { violations };
  const risks = [...checkRowsOnTheirOwn(rows), ...checkRowsAgainstOrder(rows, order.record)];

  if (order.fabricated) tx.put(TENANT, FABRICATED.orders, String(changes.OrderId), order.record);
  if (warehouse?.fabricated === true) tx.put(TENANT, FABRICATED.warehouses, String(warehouseId), warehouse.record);
  if (main.fabricated !== undefined) tx.put(TENANT, FABRICATED_STATUSES.main, String(changes.MainStatusId), main.fabricated);
  if (custom.fabricated !== undefined) tx.put(TENANT, FABRICATED_STATUSES.custom, String(changes.CustomStatusId), custom.fabricated);
  const orderRows = new Map(rowsOf(order.record).map((row) => [row.Id, row]));
  const products = context.fixtures('products');
  const record = buildOrderReturn(changes, {
    id: tx.nextId(TENANT, RETURNS),
    rowId: () => tx.nextId(TENANT, 'returnRows'),
    stockItemId: () => tx.nextId(TENANT, 'stockItems'),
    timestamp: formatDotNetDate(context.now()),
    main: main.resolved,
    custom: custom.resolved,
    productOfRow: (row) => {
      const orderRow = row.OrderRowId === undefined ? undefined : orderRows.get(row.OrderRowId);
      return orderRow === undefined ? {} : productOf(orderRow, products);
    },
  });
  tx.put(TENANT, RETURNS, String(record.Id), record);
  return { record, risks };
}

/**
 * `POST v1/Returns`: 400 (`ModelState`) naming each reference the closed fixtures lack (`--strict-fixtures`), else 200
 * with the stored OrderReturn in the negotiated format; misfit rows are kept as risks. A `null` (or `xsi:nil`) field is unset.
 */
const addOrderReturn: OperationHandler = async (request, context) => {
  const changes = withoutNulls(request.body as OrderReturnChanges);
  const outcome = await context.store.transact((tx) => addInTransaction(tx, context, changes));
  if ('violations' in outcome) return context.refuse(400, outcome.violations);
  for (const risk of outcome.risks) context.note(risk);
  return { status: 200, body: orderReturnAnswer(outcome.record, request.responseMediaType) };
};

/** ShopCtrl behaviour keyed by the spec's operationIds. */
export const shopCtrlHandlers: Record<string, OperationHandler> = { addOrderReturn };
