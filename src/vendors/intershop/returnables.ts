import type { IomOrder, IomOrderPosition, IomProduct, RequestedPosition } from './reference-data.js';
import type { OrderLedger, StoredPosition } from './return-request-record.js';

/** What is still returnable of one order position. */
export interface ReturnablePosition {
  position: IomOrderPosition;
  quantity: number;
  /** The serial numbers `listReturnables` lists: free ones, at most one per returnable piece, so a request built from the list fits. */
  serialNumbers: string[];
  /** Every serial number no request holds: which pieces went back without a serial number is unknown, so any of these may. */
  freeSerialNumbers: string[];
}

/** A position as a create names it (the spec's `WriteReturnRequestPosition`), already valid. */
export interface WritePosition {
  positionNumber: number;
  productNumber: string;
  reason: string;
  quantity: number;
  items?: Array<{ productSerialNumber: string }>;
}

/** An order position's serial numbers, tolerating a fixture without any. */
export const serialNumbersOf = (position: IomOrderPosition): string[] => (Array.isArray(position.serialNumbers) ? position.serialNumbers.map(String) : []);

/** The order's positions, tolerating a fixture without any. */
export const positionsOf = (order: IomOrder): IomOrderPosition[] => (Array.isArray(order.positions) ? order.positions : []);

/**
 * Each order position with the quantity still returnable (ordered minus held) and the serial numbers no request holds;
 * the listed ones are capped at that quantity (a return without serial numbers leaves more free serial numbers than pieces).
 */
export function returnablePositions(order: IomOrder, ledger: OrderLedger): ReturnablePosition[] {
  return positionsOf(order).map((position) => {
    const held = ledger.held[String(position.positionNumber)];
    const heldSerials = new Set(held?.serialNumbers ?? []);
    const quantity = Math.max(0, Number(position.quantity) - (held?.quantity ?? 0));
    const freeSerialNumbers = serialNumbersOf(position).filter((serial) => !heldSerials.has(serial));
    return { position, quantity, serialNumbers: freeSerialNumbers.slice(0, quantity), freeSerialNumbers };
  });
}

/** The product of an order position: its own names, else the `products` fixture's; `name` may be unknown. */
export function productOf(position: IomOrderPosition, products: ReadonlyArray<Record<string, unknown>>): { number: string; name?: string; supplierProductNumber?: string } {
  const number = String(position.productNumber);
  const product = products.find((record) => String(record.number) === number) as IomProduct | undefined;
  const name = position.productName ?? product?.name;
  const supplierProductNumber = position.supplierProductNumber ?? product?.supplierProductNumber;
  return {
    number,
    ...(name === undefined ? {} : { name: String(name) }),
    ...(supplierProductNumber === undefined ? {} : { supplierProductNumber: String(supplierProductNumber) }),
  };
}

/** What a create asks of each order position, summed over the positions naming it (for fabricating an unknown order). */
export function requestedPositions(positions: readonly WritePosition[]): Map<number, RequestedPosition> {
  const requested = new Map<number, RequestedPosition>();
  for (const position of positions) {
    const entry = requested.get(position.positionNumber) ?? { productNumber: position.productNumber, quantity: 0, serialNumbers: [] };
    entry.quantity += Math.max(0, position.quantity);
    entry.serialNumbers.push(...(position.items ?? []).map((item) => item.productSerialNumber));
    requested.set(position.positionNumber, entry);
  }
  return requested;
}

/** The ledger after a request's positions are held (`sign` 1) or released again (`sign` -1, a rejection). */
export function updateHeld(ledger: OrderLedger, positions: readonly StoredPosition[], sign: 1 | -1): OrderLedger {
  const held = structuredClone(ledger.held);
  for (const position of positions) {
    const key = String(position.positionNumber);
    const entry = held[key] ?? { quantity: 0, serialNumbers: [] };
    const serials = position.items.map((item) => item.productSerialNumber);
    // A quantity below 1 (served as a risk) holds nothing: it must not make more of the position returnable.
    entry.quantity += sign * Math.max(0, position.quantity);
    entry.serialNumbers = sign === 1 ? [...entry.serialNumbers, ...serials] : entry.serialNumbers.filter((serial) => !serials.includes(serial));
    held[key] = entry;
  }
  return { ...ledger, held };
}
