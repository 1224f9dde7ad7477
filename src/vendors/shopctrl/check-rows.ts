import { raise } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import type { OrderReturnRowChanges } from './order-return-changes.js';
import { rowsOf, type ShopCtrlOrder } from './reference-data.js';
import { SHOPCTRL_RULES } from './rules.js';

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

/** Risks of rows on their own: one without an `OrderRowId` (nothing says what it returns), one returning a negative quantity. */
export function checkRowsOnTheirOwn(rows: readonly OrderReturnRowChanges[]): Finding[] {
  return rows.flatMap((row, index) => [
    ...(row.OrderRowId === undefined
      ? [
          raise(SHOPCTRL_RULES.orderRowMissing, {
            location: 'body',
            pointer: rowPointer(index, 'OrderRowId'),
            message: 'the return row names no order row it returns',
            specPointer: rowSpec('OrderRowId'),
          }),
        ]
      : []),
    ...(row.ReturnedQuantity !== undefined && row.ReturnedQuantity < 0
      ? [
          raise(SHOPCTRL_RULES.returnedQuantityNegative, {
            location: 'body',
            pointer: rowPointer(index, 'ReturnedQuantity'),
            message: `the return row returns a negative quantity (${row.ReturnedQuantity})`,
            specPointer: rowSpec('ReturnedQuantity'),
            value: row.ReturnedQuantity,
          }),
        ]
      : []),
  ]);
}

/**
 * Risks against the order: every return row whose `OrderRowId` is not a row of the order, and every one that makes the
 * request return more of an order row than it holds (return rows naming the same order row add up; earlier returns are not counted).
 */
export function checkRowsAgainstOrder(rows: readonly OrderReturnRowChanges[], order: ShopCtrlOrder): Finding[] {
  const findings: Finding[] = [];
  const orderRows = new Map(rowsOf(order).map((row) => [row.Id, row]));
  const returned = new Map<number, number>();
  rows.forEach((row, index) => {
    if (row.OrderRowId === undefined) return;
    const orderRow = orderRows.get(row.OrderRowId);
    if (orderRow === undefined) {
      findings.push(
        raise(SHOPCTRL_RULES.orderRowNotOnOrder, {
          location: 'body',
          pointer: rowPointer(index, 'OrderRowId'),
          message: `order row ${row.OrderRowId} is not a row of order ${order.Id}`,
          specPointer: rowSpec('OrderRowId'),
          value: row.OrderRowId,
        }),
      );
      return;
    }
    const total = (returned.get(orderRow.Id) ?? 0) + (row.ReturnedQuantity ?? 0);
    returned.set(orderRow.Id, total);
    if (total > orderRow.Quantity + TOLERANCE) {
      findings.push(
        raise(SHOPCTRL_RULES.orderRowQuantityExceeded, {
          location: 'body',
          pointer: rowPointer(index, 'ReturnedQuantity'),
          message: `returning ${total} of order row ${orderRow.Id} exceeds its quantity ${orderRow.Quantity}`,
          specPointer: rowSpec('ReturnedQuantity'),
          value: row.ReturnedQuantity,
        }),
      );
    }
  });
  return findings;
}

/** Under `--strict-fixtures`, every return row naming a return reason the fixtures lack (when they list return reasons). */
export function checkReturnReasons(rows: readonly OrderReturnRowChanges[], reasons: ReadonlyArray<Record<string, unknown>>): Finding[] {
  if (reasons.length === 0) return [];
  const known = new Set(reasons.map((reason) => reason.Id));
  return rows.flatMap((row, index) =>
    row.ReturnReasonId === undefined || known.has(row.ReturnReasonId)
      ? []
      : [
          raise(SHOPCTRL_RULES.returnReasonUnknown, {
            location: 'body',
            pointer: rowPointer(index, 'ReturnReasonId'),
            message: `return reason ${row.ReturnReasonId} does not exist`,
            specPointer: rowSpec('ReturnReasonId'),
            value: row.ReturnReasonId,
          }),
        ],
  );
}
