import type { OperationHandler } from '../../core/vendor-plugin.js';
import { isFixtureShop, resolveScope, shopNotFound } from './order-scope.js';
import { reasonsOfShop, RETURN_REASON_TYPE } from './reference-data.js';
import { productOf, returnablePositions } from './returnables.js';
import { orderNumberOf, shopNameOf } from './request-path.js';
import { COLLECTIONS, emptyLedger, type OrderLedger } from './return-request-record.js';

/** The return type `listReturnReasons` filters by when `type` is not sent (the spec's default). */
const DEFAULT_REASON_TYPES = [RETURN_REASON_TYPE];

/** `GET .../returnables`: each order position with something left, its remaining quantity and free serial numbers. */
export const listReturnables: OperationHandler = async (request, context) => {
  const shopName = shopNameOf(request);
  const shopOrderNumber = orderNumberOf(request);
  const scoped = await resolveScope(context, shopName, shopOrderNumber);
  if ('missing' in scoped) return context.refuse(404, [scoped.missing]);
  const ledger = context.store.get<OrderLedger>(shopName, COLLECTIONS.ledgers, shopOrderNumber) ?? emptyLedger();
  const products = context.fixtures('products');
  const positions = returnablePositions(scoped.scope.order, ledger)
    .filter((entry) => entry.quantity > 0)
    .map(({ position, quantity, serialNumbers }) => {
      const product = productOf(position, products);
      return {
        positionNumber: position.positionNumber,
        quantity,
        ...(serialNumbers.length === 0 ? {} : { items: serialNumbers.map((productSerialNumber) => ({ productSerialNumber })) }),
        product: { number: product.number, name: product.name ?? product.number },
      };
    });
  return { status: 200, body: { positions } };
};

/**
 * `GET .../return-reasons`: the `returnReasons` fixtures of the shop (a reason without `shopName` belongs to every
 * shop, a fabricated one too) whose `type` is requested; 404 for an unknown shop under strict fixtures.
 */
export const listReturnReasons: OperationHandler = (request, context) => {
  const shopName = shopNameOf(request);
  if (context.strictFixtures && !isFixtureShop(context, shopName)) return context.refuse(404, [shopNotFound(shopName)]);
  const types = Array.isArray(request.query.type) ? request.query.type.map(String) : DEFAULT_REASON_TYPES;
  return { status: 200, body: reasonsOfShop(context.fixtures('returnReasons'), shopName, types) };
};
