import { raise } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import type { JtlLineItem, JtlSalesOrder } from './reference-data.js';
import { JTL_RULES } from './rules.js';

type Finding = Omit<Violation, 'operationId'>;

/** A return item as the request names it (the spec's `CreateReturnItem`), nulls left out. */
export interface CreateReturnItem {
  Quantity: number;
  SalesOrderLineItemId?: number;
  ReturnReasonId?: number;
  ReturnReasonComment?: string;
  DeliveryNoteLineItemId?: number;
}

/** Decimal quantities add up with binary noise (0.1 + 0.2); a sum this close to the line's quantity still fits. */
const TOLERANCE = 1e-9;

const itemSpec = (field: string) => `#/components/schemas/CreateReturnItem/properties/${field}`;

/** How much of each named line item a request returns, summed over its items. */
export function requestedQuantities(items: readonly CreateReturnItem[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const { SalesOrderLineItemId: line, Quantity } of items) if (line !== undefined) sums.set(line, (sums.get(line) ?? 0) + Quantity);
  return sums;
}

/** The line items of a sales order, tolerating a fixture without any. */
export const lineItemsOf = (order: JtlSalesOrder): readonly JtlLineItem[] => (Array.isArray(order.LineItems) ? order.LineItems : []);

/**
 * Risks of the items against the sales order: an item naming no line at all, a line item that is not on the order,
 * and more of a line item than it holds (items naming the same line item add up; earlier returns are not counted).
 * An item naming only its `DeliveryNoteLineItemId` is not checked: the mock knows no delivery notes.
 */
export function checkItemsAgainstOrder(items: readonly CreateReturnItem[], order: JtlSalesOrder): Finding[] {
  const findings: Finding[] = [];
  const lines = new Map(lineItemsOf(order).map((line) => [line.Id, line]));
  const returned = new Map<number, number>();
  items.forEach((item, index) => {
    const lineId = item.SalesOrderLineItemId;
    if (lineId === undefined) {
      if (item.DeliveryNoteLineItemId === undefined) {
        findings.push(
          raise(JTL_RULES.itemNamesNoLine, {
            location: 'body',
            pointer: `/Items/${index}`,
            message: 'the item names neither SalesOrderLineItemId nor DeliveryNoteLineItemId',
            specPointer: '#/components/schemas/CreateReturnItem',
          }),
        );
      }
      return;
    }
    const line = lines.get(lineId);
    if (line === undefined) {
      findings.push(
        raise(JTL_RULES.lineItemNotOnOrder, {
          location: 'body',
          pointer: `/Items/${index}/SalesOrderLineItemId`,
          message: `line item ${lineId} is not on sales order ${order.Id}`,
          specPointer: itemSpec('SalesOrderLineItemId'),
          value: lineId,
        }),
      );
      return;
    }
    const total = (returned.get(line.Id) ?? 0) + item.Quantity;
    returned.set(line.Id, total);
    if (total > line.Quantity + TOLERANCE) {
      findings.push(
        raise(JTL_RULES.lineItemQuantityExceeded, {
          location: 'body',
          pointer: `/Items/${index}/Quantity`,
          message: `returning ${total} of line item ${line.Id} exceeds its quantity ${line.Quantity}`,
          specPointer: itemSpec('Quantity'),
          value: item.Quantity,
        }),
      );
    }
  });
  return findings;
}

/** Under `--strict-fixtures`, every item naming a return reason the fixtures lack (when they list return reasons). */
export function checkReturnReasons(items: readonly CreateReturnItem[], reasons: ReadonlyArray<Record<string, unknown>>): Finding[] {
  if (reasons.length === 0) return [];
  const known = new Set(reasons.map((reason) => reason.Id));
  return items.flatMap((item, index) =>
    item.ReturnReasonId === undefined || known.has(item.ReturnReasonId)
      ? []
      : [
          raise(JTL_RULES.returnReasonUnknown, {
            location: 'body',
            pointer: `/Items/${index}/ReturnReasonId`,
            message: `return reason ${item.ReturnReasonId} does not exist`,
            specPointer: itemSpec('ReturnReasonId'),
            value: item.ReturnReasonId,
          }),
        ],
  );
}
