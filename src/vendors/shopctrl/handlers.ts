import type { HandlerContext, OperationHandler, VendorTransaction } from '../../core/vendor-plugin.js';
import type { Violation } from '../../core/violation.js';
import { checkReturnReasons, checkRowsAgainstOrder, checkRowsNameOrderRows, requestedQuantities } from './check-rows.js';
import { formatDotNetDate } from '../shared/dotnet-date.js';
import type { OrderReturnChanges } from './order-return-changes.js';
import { buildOrderReturn, orderReturnAnswer, type OrderReturnRecord } from './order-return-record.js';
import { resolveReference, type Resolved } from '../shared/resolve-reference.js';
import { FABRICATED, fabricateOrder, fabricateWarehouse, productOf, rowsOf, TENANT, type ShopCtrlOrder } from './reference-data.js';
import { resolveStatus } from './statuses.js';

type Finding = Omit<Violation, 'operationId'>;

const RETURNS = 'returns';

const unknownReference = (field: 'OrderId' | 'WarehouseId', what: string, id: number): Finding => ({
  code: `state.${what}.unknown`,
  location: 'body',
  pointer: `/${field}`,
  message: `${what} ${id} does not exist`,
  specPointer: `#/components/schemas/OrderReturnChanges/properties/${field}`,
  value: id,
});

/** Resolves order, warehouse and statuses, checks the rows and, when all is well, stores the return: one atomic step, so parallel adds never race. */
function addInTransaction(tx: VendorTransaction, context: HandlerContext, changes: OrderReturnChanges): { violations: Finding[] } | { record: OrderReturnRecord } {
  const strict = context.strictFixtures;
  const rows = changes.OrderReturnRows ?? [];
  const order: Resolved<ShopCtrlOrder> = resolveReference({ tx, tenant: TENANT, collection: FABRICATED.orders, fixtures: context.fixtures('orders'), strict, id: changes.OrderId }, () =>
    fabricateOrder(context.seedFor(`shopctrl/order/${changes.OrderId}`), changes.OrderId, requestedQuantities(rows)),
  );
  const warehouseId = changes.WarehouseId;
  const warehouse =
    warehouseId === undefined
      ? undefined
      : resolveReference({ tx, tenant: TENANT, collection: FABRICATED.warehouses, fixtures: context.fixtures('warehouses'), strict, id: warehouseId }, () => fabricateWarehouse(context.seedFor(`shopctrl/warehouse/${warehouseId}`), warehouseId));
  const main = resolveStatus('main', changes.MainStatusId, context.fixtures('mainStatuses'));
  const custom = resolveStatus('custom', changes.CustomStatusId, context.fixtures('customStatuses'));

  const violations: Finding[] = [];
  if (order === undefined) violations.push(unknownReference('OrderId', 'order', changes.OrderId));
  if (warehouseId !== undefined && warehouse === undefined) violations.push(unknownReference('WarehouseId', 'warehouse', warehouseId));
  for (const { finding } of [main, custom]) if (finding !== undefined) violations.push(finding);
  violations.push(...checkRowsNameOrderRows(rows));
  if (order !== undefined) violations.push(...checkRowsAgainstOrder(rows, order.record));
  violations.push(...checkReturnReasons(rows, context.fixtures('returnReasons')));
  if (violations.length > 0 || order === undefined) return { violations };

  if (order.fabricated) tx.put(TENANT, FABRICATED.orders, String(changes.OrderId), order.record);
  if (warehouse?.fabricated === true) tx.put(TENANT, FABRICATED.warehouses, String(warehouseId), warehouse.record);
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
  return { record };
}

/** `POST v1/Returns`: 400 (`ModelState`) naming each unknown reference or misfit row, else 200 with the stored OrderReturn in the format `Accept` asks for. */
const addOrderReturn: OperationHandler = async (request, context) => {
  const outcome = await context.store.transact((tx) => addInTransaction(tx, context, request.body as OrderReturnChanges));
  if ('violations' in outcome) return context.refuse(400, outcome.violations);
  return { status: 200, body: orderReturnAnswer(outcome.record, request.responseMediaType) };
};

/** ShopCtrl behaviour keyed by the spec's operationIds. */
export const shopCtrlHandlers: Record<string, OperationHandler> = { addOrderReturn };
