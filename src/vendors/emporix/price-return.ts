import type { HandlerContext } from '../../core/vendor-plugin.js';
import { fixtureOrder } from './order-data.js';
import { fabricatedUnitPrice, priceOrders, type OrderInput } from './return-record.js';

/**
 * Prices a return's orders for a tenant: items of a fixture order at its unit price, with its name and currency;
 * items of an order the fixtures lack at the fabricated price, in `fallbackCurrency`. Call after `checkReturnedOrders`.
 */
export function priceReturn(context: HandlerContext, tenant: string, orders: OrderInput[], fallbackCurrency: string): ReturnType<typeof priceOrders> {
  const known = new Map(orders.map((order) => [order.id, fixtureOrder(context, tenant, order.id)]));
  const currency = [...known.values()].find((order) => order?.currency !== undefined)?.currency ?? fallbackCurrency;
  return priceOrders(orders, currency, (orderId, itemId) => {
    const line = known.get(orderId)?.items.find((item) => item.id === itemId);
    return line === undefined ? { unitPrice: fabricatedUnitPrice(orderId, itemId) } : { unitPrice: line.unitPrice, name: line.name };
  });
}
