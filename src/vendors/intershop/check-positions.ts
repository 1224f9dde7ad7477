import { raise } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import { returnablePositions, serialNumbersOf, type WritePosition } from './returnables.js';
import type { IomOrder } from './reference-data.js';
import type { OrderLedger } from './return-request-record.js';
import { RULES } from './rules.js';

type Finding = Omit<Violation, 'operationId'>;

/** The shop's return reasons: of any type (what the shop allows at all), and of type `RET`. */
export interface ShopReasons {
  ofShop: ReadonlySet<string>;
  returnType: ReadonlySet<string>;
}

const POSITION_SCHEMA = '#/components/schemas/WriteReturnRequestPosition/properties';
const ITEM_SCHEMA = '#/components/schemas/WriteReturnRequestItem/properties/productSerialNumber';

/**
 * Every finding on the positions of a create, each graded by its rule (src/vendors/intershop/rules.ts). Refused: a
 * position number not on the order, a reason none of the shop's, more than is still returnable (positions naming the
 * same order position add up), a serial number not on that order position or held by another return request. Risks:
 * a product number other than the order position's, a shop reason not of type RET, a quantity below 1, more serial
 * numbers than pieces, a serial number named twice.
 */
export function checkPositions(positions: readonly WritePosition[], order: IomOrder, ledger: OrderLedger, reasons: ShopReasons): Finding[] {
  const findings: Finding[] = [];
  const returnable = new Map(returnablePositions(order, ledger).map((entry) => [entry.position.positionNumber, entry]));
  const asked = new Map<number, number>();
  const named = new Set<string>();
  positions.forEach((position, index) => {
    const at = `/positions/${index}`;
    const entry = returnable.get(position.positionNumber);
    if (entry === undefined) {
      findings.push(
        raise(RULES.positionNotOnOrder, {
          location: 'body',
          pointer: `${at}/positionNumber`,
          message: `'${at}/positionNumber': position ${position.positionNumber} is not a position of order '${order.shopOrderNumber}'`,
          specPointer: `${POSITION_SCHEMA}/positionNumber`,
          value: position.positionNumber,
        }),
      );
      return;
    }
    if (position.productNumber !== entry.position.productNumber) {
      findings.push(
        raise(RULES.productMismatch, {
          location: 'body',
          pointer: `${at}/productNumber`,
          message: `'${at}/productNumber': position ${position.positionNumber} of order '${order.shopOrderNumber}' holds product '${entry.position.productNumber}', not '${position.productNumber}'`,
          specPointer: `${POSITION_SCHEMA}/productNumber`,
          value: position.productNumber,
        }),
      );
    }
    if (!reasons.ofShop.has(position.reason)) {
      findings.push(
        raise(RULES.unknownReason, {
          location: 'body',
          pointer: `${at}/reason`,
          message: `'${at}/reason': '${position.reason}' is not a return reason of the shop; GET .../return-reasons lists them`,
          specPointer: `${POSITION_SCHEMA}/reason`,
          value: position.reason,
        }),
      );
    } else if (!reasons.returnType.has(position.reason)) {
      findings.push(
        raise(RULES.reasonNotReturnType, {
          location: 'body',
          pointer: `${at}/reason`,
          message: `'${at}/reason': '${position.reason}' is a return reason of the shop, but not of type RET`,
          specPointer: `${POSITION_SCHEMA}/reason`,
          value: position.reason,
        }),
      );
    }
    if (position.quantity >= 1 && (position.items ?? []).length > position.quantity) {
      findings.push(
        raise(RULES.serialTooMany, {
          location: 'body',
          pointer: `${at}/items`,
          message: `'${at}/items': ${(position.items ?? []).length} serial numbers for a quantity of ${position.quantity}; each serial number is one piece`,
          specPointer: `${POSITION_SCHEMA}/items`,
          value: (position.items ?? []).length,
        }),
      );
    }
    if (position.quantity < 1) {
      findings.push(
        raise(RULES.quantityNotPositive, {
          location: 'body',
          pointer: `${at}/quantity`,
          message: `'${at}/quantity': quantity ${position.quantity} of position ${position.positionNumber} must be at least 1`,
          specPointer: `${POSITION_SCHEMA}/quantity`,
          value: position.quantity,
        }),
      );
    } else {
      const total = (asked.get(position.positionNumber) ?? 0) + position.quantity;
      asked.set(position.positionNumber, total);
      if (total > entry.quantity) {
        findings.push(
          raise(RULES.quantityExceeded, {
            location: 'body',
            pointer: `${at}/quantity`,
            message: `'${at}/quantity': returning ${total} of position ${position.positionNumber} exceeds its returnable quantity ${entry.quantity}`,
            specPointer: `${POSITION_SCHEMA}/quantity`,
            value: position.quantity,
          }),
        );
      }
    }
    const onOrder = new Set(serialNumbersOf(entry.position));
    const free = new Set(entry.freeSerialNumbers);
    (position.items ?? []).forEach((item, itemIndex) => {
      const serial = item.productSerialNumber;
      const pointer = `${at}/items/${itemIndex}/productSerialNumber`;
      if (!onOrder.has(serial)) {
        findings.push(
          raise(RULES.serialNotOnOrder, {
            location: 'body',
            pointer,
            message: `'${pointer}': serial number '${serial}' is not on position ${position.positionNumber} of order '${order.shopOrderNumber}'`,
            specPointer: ITEM_SCHEMA,
            value: serial,
          }),
        );
      } else if (named.has(serial)) {
        findings.push(
          raise(RULES.serialDuplicate, {
            location: 'body',
            pointer,
            message: `'${pointer}': serial number '${serial}' is named more than once in this return request`,
            specPointer: ITEM_SCHEMA,
            value: serial,
          }),
        );
      } else if (!free.has(serial)) {
        findings.push(
          raise(RULES.serialNotReturnable, {
            location: 'body',
            pointer,
            message: `'${pointer}': serial number '${serial}' is already held by a return request`,
            specPointer: ITEM_SCHEMA,
            value: serial,
          }),
        );
      }
      named.add(serial);
    });
  });
  return findings;
}
