import type { Violation } from '../../core/violation.js';
import { returnablePositions, serialNumbersOf, type WritePosition } from './returnables.js';
import type { IomOrder } from './reference-data.js';
import type { OrderLedger } from './return-request-record.js';

type Finding = Omit<Violation, 'operationId'>;

const POSITION_SCHEMA = '#/components/schemas/WriteReturnRequestPosition/properties';
const ITEM_SCHEMA = '#/components/schemas/WriteReturnRequestItem/properties/productSerialNumber';

/**
 * Every position of a create the order cannot take: a position number not on the order, a product number other
 * than the order position's, a reason that is not one of the shop's return reasons, a quantity below 1 or beyond
 * what is still returnable (positions naming the same order position add up), more serial numbers than pieces, a
 * serial number not on that order position, one already held by another return request, or one named twice.
 */
export function checkPositions(positions: readonly WritePosition[], order: IomOrder, ledger: OrderLedger, reasons: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const returnable = new Map(returnablePositions(order, ledger).map((entry) => [entry.position.positionNumber, entry]));
  const asked = new Map<number, number>();
  const named = new Set<string>();
  positions.forEach((position, index) => {
    const at = `/positions/${index}`;
    const entry = returnable.get(position.positionNumber);
    if (entry === undefined) {
      findings.push({ code: 'state.position.not-on-order', location: 'body', pointer: `${at}/positionNumber`, message: `'${at}/positionNumber': position ${position.positionNumber} is not a position of order '${order.shopOrderNumber}'`, specPointer: `${POSITION_SCHEMA}/positionNumber`, value: position.positionNumber });
      return;
    }
    if (position.productNumber !== entry.position.productNumber) {
      findings.push({ code: 'state.position.product-mismatch', location: 'body', pointer: `${at}/productNumber`, message: `'${at}/productNumber': position ${position.positionNumber} of order '${order.shopOrderNumber}' holds product '${entry.position.productNumber}', not '${position.productNumber}'`, specPointer: `${POSITION_SCHEMA}/productNumber`, value: position.productNumber });
    }
    if (!reasons.has(position.reason)) {
      findings.push({ code: 'state.position.unknown-reason', location: 'body', pointer: `${at}/reason`, message: `'${at}/reason': '${position.reason}' is not a return reason of the shop; GET .../return-reasons?type=RET lists them`, specPointer: `${POSITION_SCHEMA}/reason`, value: position.reason });
    }
    if (position.quantity >= 1 && (position.items ?? []).length > position.quantity) {
      findings.push({ code: 'state.serial-number.too-many', location: 'body', pointer: `${at}/items`, message: `'${at}/items': ${(position.items ?? []).length} serial numbers for a quantity of ${position.quantity}; each serial number is one piece`, specPointer: `${POSITION_SCHEMA}/items`, value: (position.items ?? []).length });
    }
    if (position.quantity < 1) {
      findings.push({ code: 'state.position.quantity-not-positive', location: 'body', pointer: `${at}/quantity`, message: `'${at}/quantity': quantity ${position.quantity} of position ${position.positionNumber} must be at least 1`, specPointer: `${POSITION_SCHEMA}/quantity`, value: position.quantity });
    } else {
      const total = (asked.get(position.positionNumber) ?? 0) + position.quantity;
      asked.set(position.positionNumber, total);
      if (total > entry.quantity) {
        findings.push({ code: 'state.position.quantity-exceeded', location: 'body', pointer: `${at}/quantity`, message: `'${at}/quantity': returning ${total} of position ${position.positionNumber} exceeds its returnable quantity ${entry.quantity}`, specPointer: `${POSITION_SCHEMA}/quantity`, value: position.quantity });
      }
    }
    const onOrder = new Set(serialNumbersOf(entry.position));
    const free = new Set(entry.serialNumbers);
    (position.items ?? []).forEach((item, itemIndex) => {
      const serial = item.productSerialNumber;
      const pointer = `${at}/items/${itemIndex}/productSerialNumber`;
      if (!onOrder.has(serial)) {
        findings.push({ code: 'state.serial-number.not-on-order', location: 'body', pointer, message: `'${pointer}': serial number '${serial}' is not on position ${position.positionNumber} of order '${order.shopOrderNumber}'`, specPointer: ITEM_SCHEMA, value: serial });
      } else if (named.has(serial)) {
        findings.push({ code: 'state.serial-number.duplicate', location: 'body', pointer, message: `'${pointer}': serial number '${serial}' is named more than once in this return request`, specPointer: ITEM_SCHEMA, value: serial });
      } else if (!free.has(serial)) {
        findings.push({ code: 'state.serial-number.not-returnable', location: 'body', pointer, message: `'${pointer}': serial number '${serial}' is already held by a return request`, specPointer: ITEM_SCHEMA, value: serial });
      }
      named.add(serial);
    });
  });
  return findings;
}
