import type { HandlerContext } from '../../core/vendor-plugin.js';

type FixtureOrder = Record<string, unknown>;

/** The fixture orders by order number (as a string), each with the shops it belongs to, in fixture order. */
type OrdersByNumber = Map<string, FixtureOrder[]>;

/** One lookup table per fixture list: the lists live as long as the server, so each is indexed once, not per request. */
const indexes = new WeakMap<ReadonlyArray<Record<string, unknown>>, OrdersByNumber>();

/**
 * An order fixture with order and product numbers read as strings: YAML reads an unquoted `4711` as a number, and a
 * create compares them with the strings a client sends. Frozen, as the fixtures it is made from: it is shared by every request.
 */
function normalizeOrder(order: Record<string, unknown>): FixtureOrder {
  const positions = Array.isArray(order.positions)
    ? Object.freeze(order.positions.map((position: Record<string, unknown>) => Object.freeze({ ...position, productNumber: String(position.productNumber) })))
    : undefined;
  return Object.freeze({ ...order, shopOrderNumber: String(order.shopOrderNumber), ...(positions === undefined ? {} : { positions }) });
}

function indexOrders(orders: ReadonlyArray<Record<string, unknown>>): OrdersByNumber {
  const byNumber: OrdersByNumber = new Map();
  for (const order of orders) {
    const normalized = normalizeOrder(order);
    const number = normalized.shopOrderNumber as string;
    const same = byNumber.get(number);
    if (same === undefined) byNumber.set(number, [normalized]);
    else same.push(normalized);
  }
  return byNumber;
}

/**
 * The fixture order `shopOrderNumber` of shop `shopName` (an order without `shopName` belongs to every shop), the first
 * the fixtures list when several fit; a map lookup, however many orders the fixtures hold.
 */
export function findFixtureOrder(context: HandlerContext, shopName: string, shopOrderNumber: string): FixtureOrder | undefined {
  const orders = context.fixtures('orders');
  let byNumber = indexes.get(orders);
  if (byNumber === undefined) indexes.set(orders, (byNumber = indexOrders(orders)));
  return byNumber.get(shopOrderNumber)?.find((order) => order.shopName === undefined || order.shopName === shopName);
}
