/** A stored Emporix return: the `Return` schema's shape. */
export interface EmporixReturn {
  id: string;
  approvalStatus: 'PENDING' | 'APPROVED' | 'REJECTED' | 'CLOSED';
  received: boolean;
  orders: Array<{ id: string; items: Array<{ id: string; quantity: number; name?: string; reason?: unknown; unitPrice?: Money; total?: Money }> }>;
  reason: unknown;
  total: Money;
  expiryDate: string;
  requestor?: Record<string, unknown>;
  submitter?: unknown;
  approver?: unknown;
  mixins?: unknown;
  metadata: { createdAt: string; modifiedAt: string; version: number; mixins?: unknown };
}

interface Money {
  value: number;
  currency: string;
}

export type OrderInput = { id: string; items: Array<{ id: string; quantity: number; reason?: unknown; name?: unknown; unitPrice?: unknown; total?: unknown }> };

/** Default validity of a return when the body names no `expiryDate` (Emporix: 30 days). */
export const DEFAULT_EXPIRY_DAYS = 30;

/**
 * A unit price for an order item the fixtures do not know: derived from the ids alone, so the same
 * order always costs the same, whatever the request order or seed.
 */
export function fabricatedUnitPrice(orderId: string, itemId: string): number {
  let hash = 2166136261;
  for (const char of `${orderId}/${itemId}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return (100 + (hash % 9900)) / 100;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** A returned item's unit price and, when known, its name. */
export interface ItemPrice {
  unitPrice: number;
  name?: string;
}

/** Where a returned item's price comes from: its order in the fixtures, else {@link fabricatedUnitPrice}. */
export type PriceOfItem = (orderId: string, itemId: string) => ItemPrice;

const fabricatedPrice: PriceOfItem = (orderId, itemId) => ({ unitPrice: fabricatedUnitPrice(orderId, itemId) });

/** Prices each returned item (`name`, `unitPrice`, `total`) and the whole return (`total`), as the Returns service does from the orders. */
export function priceOrders(orders: OrderInput[], currency = 'USD', priceOf: PriceOfItem = fabricatedPrice): { orders: EmporixReturn['orders']; total: Money } {
  let sum = 0;
  const priced = orders.map((order) => ({
    ...order,
    // `name` and the prices come from the order, never from the request (a PATCH's items still carry the old ones).
    items: order.items.map(({ id, name: _sentName, unitPrice: _sentUnitPrice, total: _sentTotal, ...item }) => {
      const { unitPrice, name } = priceOf(order.id, id);
      const total = round(unitPrice * item.quantity);
      sum += total;
      return { id, ...(name === undefined ? {} : { name }), ...item, unitPrice: { value: unitPrice, currency }, total: { value: total, currency } };
    }),
  }));
  return { orders: priced, total: { value: round(sum), currency } };
}

/** What a customer sees of a return: `requestor`, `submitter` and `approver` are for employees only. */
export function customerView(record: EmporixReturn): Omit<EmporixReturn, 'requestor' | 'submitter' | 'approver'> {
  const { requestor: _requestor, submitter: _submitter, approver: _approver, ...visible } = record;
  return visible;
}
