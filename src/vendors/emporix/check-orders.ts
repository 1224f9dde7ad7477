import { raise } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import type { EmporixOrder } from './order-data.js';
import type { OrderInput } from './return-record.js';
import { RULES } from './rules.js';

type Finding = Omit<Violation, 'operationId'>;

const ORDER_SPEC = '#/components/schemas/ReturnOrderInput';

/**
 * Checks the returned orders against the tenant's known orders: an unknown order is a finding only under
 * `--strict-fixtures`; an order in another currency than the first known one is refused; no orders at all, a quantity
 * below 1, an item the known order does not hold and more of an item than was ordered (items naming the same order item
 * add up; earlier returns are not counted) are risks. Each finding names the field.
 */
export function checkReturnedOrders(orders: readonly OrderInput[], known: (orderId: string) => EmporixOrder | undefined, strict: boolean): Finding[] {
  const findings: Finding[] = [];
  const returned = new Map<string, number>();
  let currency: string | undefined;
  if (orders.length === 0)
    findings.push(
      raise(RULES.noOrders, {
        location: 'body',
        pointer: '/orders',
        message: "'/orders' is empty: the return returns nothing",
        specPointer: '#/components/schemas/CreateReturn/properties/orders',
        value: [],
      }),
    );
  orders.forEach((order, orderIndex) => {
    order.items.forEach((item, itemIndex) => {
      if (item.quantity < 1) {
        findings.push(
          raise(RULES.quantityNotPositive, {
            location: 'body',
            pointer: `/orders/${orderIndex}/items/${itemIndex}/quantity`,
            message: `returning ${item.quantity} of item '${item.id}': a quantity below 1`,
            specPointer: '#/components/schemas/ReturnItemInput/properties/quantity',
            value: item.quantity,
          }),
        );
      }
    });
    const fixture = known(order.id);
    if (fixture === undefined) {
      if (strict)
        findings.push(
          raise(RULES.orderUnknown, {
            location: 'body',
            pointer: `/orders/${orderIndex}/id`,
            message: `order '${order.id}' does not exist`,
            specPointer: `${ORDER_SPEC}/properties/id`,
            value: order.id,
          }),
        );
      return;
    }
    if (fixture.currency !== undefined) {
      currency ??= fixture.currency;
      if (fixture.currency !== currency) {
        findings.push(
          raise(RULES.currencyMismatch, {
            location: 'body',
            pointer: `/orders/${orderIndex}/id`,
            message: `order '${order.id}' is in ${fixture.currency}, the return's other orders in ${currency}; all the orders of a return must have the same currency`,
            specPointer: `${ORDER_SPEC}/properties/id`,
            value: order.id,
          }),
        );
      }
    }
    const lines = new Map(fixture.items.map((line) => [line.id, line]));
    order.items.forEach((item, itemIndex) => {
      const line = lines.get(item.id);
      if (line === undefined) {
        findings.push(
          raise(RULES.itemNotOnOrder, {
            location: 'body',
            pointer: `/orders/${orderIndex}/items/${itemIndex}/id`,
            message: `item '${item.id}' is not on order '${order.id}'`,
            specPointer: '#/components/schemas/ReturnItemInput/properties/id',
            value: item.id,
          }),
        );
        return;
      }
      const key = `${order.id}\u0000${item.id}`;
      const total = (returned.get(key) ?? 0) + item.quantity;
      returned.set(key, total);
      if (total > line.quantity) {
        findings.push(
          raise(RULES.quantityExceeded, {
            location: 'body',
            pointer: `/orders/${orderIndex}/items/${itemIndex}/quantity`,
            message: `returning ${total} of item '${item.id}' exceeds the ${line.quantity} ordered on order '${order.id}'`,
            specPointer: '#/components/schemas/ReturnItemInput/properties/quantity',
            value: item.quantity,
          }),
        );
      }
    });
  });
  return findings;
}
