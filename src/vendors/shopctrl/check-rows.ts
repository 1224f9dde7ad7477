import type { Violation } from '../../core/violation.js';
import type { OrderReturnRowChanges } from './order-return-changes.js';
import { rowsOf, type ShopCtrlOrder } from './reference-data.js';

type Finding = Omit<Violation, 'operationId'>;

/** Decimal quantities add up with binary noise (0.1 + 0.2); a sum this close to the row's quantity still fits. */
const TOLERANCE = 1e-9;

const rowPointer = (index: number, field: string) => `/OrderReturnRows/${index}/${field}`;
const rowSpec = (field: string) => `#/components/schemas/OrderReturnRow/properties/${field}`;

/** How much of each order row a request returns, summed over its return rows (rows without `OrderRowId` left out). */
export function requestedQuantities(rows: readonly OrderReturnRowChanges[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const row of rows) if (row.OrderRowId !== undefined) sums.set(row.OrderRowId, (sums.get(row.OrderRowId) ?? 0) + (row.ReturnedQuantity ?? 0));
  return sums;
}

/** Every return row without an `OrderRowId` (the schema leaves it optional; a return row must still name what it returns). */
export function checkRowsNameOrderRows(rows: readonly OrderReturnRowChanges[]): Finding[] {
  return rows.flatMap((row, index) =>
    row.OrderRowId === undefined ? [{ code: 'state.order-row.missing', location: 'body' as const, pointer: rowPointer(index, 'OrderRowId'), message: 'a return row must name the order row it returns', specPointer: rowSpec('OrderRowId') }] : [],
  );
}

/**
 * Every return row whose `OrderRowId` is not a row of the order, and every one that makes the request return more of
 * an order row than it holds (return rows naming the same order row add up; earlier returns are not counted).
 */
export function checkRowsAgainstOrder(rows: readonly OrderReturnRowChanges[], order: ShopCtrlOrder): Finding[] {
  const findings: Finding[] = [];
  const orderRows = new Map(rowsOf(order).map((row) => [row.Id, row]));
  const returned = new Map<number, number>();
  rows.forEach((row, index) => {
    if (row.OrderRowId === undefined) return;
    const orderRow = orderRows.get(row.OrderRowId);
    if (orderRow === undefined) {
      findings.push({ code: 'state.order-row.not-on-order', location: 'body', pointer: rowPointer(index, 'OrderRowId'), message: `order row ${row.OrderRowId} is not a row of order ${order.Id}`, specPointer: rowSpec('OrderRowId'), value: row.OrderRowId });
      return;
    }
    const total = (returned.get(orderRow.Id) ?? 0) + (row.ReturnedQuantity ?? 0);
    returned.set(orderRow.Id, total);
    if (total > orderRow.Quantity + TOLERANCE) {
      findings.push({ code: 'state.order-row.quantity-exceeded', location: 'body', pointer: rowPointer(index, 'ReturnedQuantity'), message: `returning ${total} of order row ${orderRow.Id} exceeds its quantity ${orderRow.Quantity}`, specPointer: rowSpec('ReturnedQuantity'), value: row.ReturnedQuantity });
    }
  });
  return findings;
}

/** Every return row naming a return reason the fixtures lack (checked only when the fixtures list return reasons). */
export function checkReturnReasons(rows: readonly OrderReturnRowChanges[], reasons: ReadonlyArray<Record<string, unknown>>): Finding[] {
  if (reasons.length === 0) return [];
  const known = new Set(reasons.map((reason) => reason.Id));
  return rows.flatMap((row, index) =>
    row.ReturnReasonId === undefined || known.has(row.ReturnReasonId)
      ? []
      : [{ code: 'state.return-reason.unknown', location: 'body' as const, pointer: rowPointer(index, 'ReturnReasonId'), message: `return reason ${row.ReturnReasonId} does not exist`, specPointer: rowSpec('ReturnReasonId'), value: row.ReturnReasonId }],
  );
}
