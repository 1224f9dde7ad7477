import type { Violation } from '../../core/violation.js';
import type { JtlLineItem, JtlSalesOrder } from './reference-data.js';

type Finding = Omit<Violation, 'operationId'>;

/** A return item as the request names it (the spec's `CreateReturnItem`). */
export interface CreateReturnItem {
  Quantity: number;
  SalesOrderLineItemId: number;
  ReturnReasonId?: number;
  ReturnReasonComment?: string;
  DeliveryNoteLineItemId?: number;
}

/** Decimal quantities add up with binary noise (0.1 + 0.2); a sum this close to the line's quantity still fits. */
const TOLERANCE = 1e-9;

/** How much of each line item a request returns, summed over its items. */
export function requestedQuantities(items: readonly CreateReturnItem[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const item of items) sums.set(item.SalesOrderLineItemId, (sums.get(item.SalesOrderLineItemId) ?? 0) + item.Quantity);
  return sums;
}

/** The line items of a sales order, tolerating a fixture without any. */
export const lineItemsOf = (order: JtlSalesOrder): readonly JtlLineItem[] => (Array.isArray(order.LineItems) ? order.LineItems : []);

/**
 * Every item whose line item is not on the sales order, and every item that makes the request return more of a
 * line item than it holds (quantities of items naming the same line item add up; earlier returns are not counted).
 */
export function checkItemsAgainstOrder(items: readonly CreateReturnItem[], order: JtlSalesOrder): Finding[] {
  const findings: Finding[] = [];
  const lines = new Map(lineItemsOf(order).map((line) => [line.Id, line]));
  const returned = new Map<number, number>();
  items.forEach((item, index) => {
    const line = lines.get(item.SalesOrderLineItemId);
    if (line === undefined) {
      findings.push({ code: 'state.line-item.not-on-order', location: 'body', pointer: `/Items/${index}/SalesOrderLineItemId`, message: `line item ${item.SalesOrderLineItemId} is not on sales order ${order.Id}`, specPointer: '#/components/schemas/CreateReturnItem/properties/SalesOrderLineItemId', value: item.SalesOrderLineItemId });
      return;
    }
    const total = (returned.get(line.Id) ?? 0) + item.Quantity;
    returned.set(line.Id, total);
    if (total > line.Quantity + TOLERANCE) {
      findings.push({ code: 'state.line-item.quantity-exceeded', location: 'body', pointer: `/Items/${index}/Quantity`, message: `returning ${total} of line item ${line.Id} exceeds its quantity ${line.Quantity}`, specPointer: '#/components/schemas/CreateReturnItem/properties/Quantity', value: item.Quantity });
    }
  });
  return findings;
}

/** Every item naming a return reason the fixtures lack (checked only when the fixtures list return reasons). */
export function checkReturnReasons(items: readonly CreateReturnItem[], reasons: ReadonlyArray<Record<string, unknown>>): Finding[] {
  if (reasons.length === 0) return [];
  const known = new Set(reasons.map((reason) => reason.Id));
  return items.flatMap((item, index) =>
    item.ReturnReasonId === undefined || known.has(item.ReturnReasonId)
      ? []
      : [{ code: 'state.return-reason.unknown', location: 'body' as const, pointer: `/Items/${index}/ReturnReasonId`, message: `return reason ${item.ReturnReasonId} does not exist`, specPointer: '#/components/schemas/CreateReturnItem/properties/ReturnReasonId', value: item.ReturnReasonId }],
  );
}
