import type { HandlerContext, VendorTransaction } from '../../core/vendor-plugin.js';
import { raise } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import { resolveReference } from '../shared/resolve-reference.js';
import { RULES } from './rules.js';
import { findFixtureOrder } from './fixture-orders.js';
import { FABRICATED, fabricateOrder, fabricateShop, type IomOrder, type IomShop, type RequestedPosition } from './reference-data.js';

type Finding = Omit<Violation, 'operationId'>;

/** The shop and order a request's path names, once both are known (from fixtures, stored or fabricated). */
export interface OrderScope {
  shop: IomShop;
  order: IomOrder;
}

export type ScopeOutcome = { scope: OrderScope } | { missing: Finding };

/** 404 finding for a shop the fixtures lack under `--strict-fixtures`. */
export const shopNotFound = (shopName: string): Finding =>
  raise(RULES.shopNotFound, {
    location: 'path',
    pointer: '/shopName',
    message: `shop '${shopName}' (shopName) does not exist`,
    specPointer: '#/components/parameters/shopName',
    value: shopName,
  });

const orderNotFound = (shopName: string, shopOrderNumber: string): Finding =>
  raise(RULES.orderNotFound, {
    location: 'path',
    pointer: '/shopOrderNumber',
    message: `order '${shopOrderNumber}' (shopOrderNumber) does not exist in shop '${shopName}'`,
    specPointer: '#/components/parameters/shopOrderNumber',
    value: shopOrderNumber,
  });

/** The shop fixtures, matched by `name`. */
const shopFixtures = (context: HandlerContext) => context.fixtures('shops');

/** Whether the fixtures name this shop: the only shops `--strict-fixtures` admits. */
export const isFixtureShop = (context: HandlerContext, shopName: string): boolean => shopFixtures(context).some((shop) => shop.name === shopName);

/**
 * Resolves the shop and the order inside a transaction: from the fixtures, as fabricated earlier, or fabricated now
 * and stored (so they stay the same); under `--strict-fixtures` an unknown one is missing (404).
 */
export function resolveScopeInTransaction(
  tx: VendorTransaction,
  context: HandlerContext,
  shopName: string,
  shopOrderNumber: string,
  requested: ReadonlyMap<number, RequestedPosition>,
): ScopeOutcome {
  const strict = context.strictFixtures;
  const shop = resolveReference<IomShop>({ tx, tenant: shopName, collection: FABRICATED.shops, fixtures: shopFixtures(context), strict, id: shopName, key: 'name' }, () =>
    fabricateShop(context.seedFor(`intershop/shop/${shopName}`), shopName),
  );
  if (shop === undefined) return { missing: shopNotFound(shopName) };
  const order = resolveReference<IomOrder>(
    {
      tx,
      tenant: shopName,
      collection: FABRICATED.orders,
      fixtures: [findFixtureOrder(context, shopName, shopOrderNumber)].filter((order) => order !== undefined),
      strict,
      id: shopOrderNumber,
      key: 'shopOrderNumber',
    },
    () => fabricateOrder(context.seedFor(`intershop/${shopName}/order/${shopOrderNumber}`), shop.record, shopOrderNumber, requested),
  );
  if (order === undefined) return { missing: orderNotFound(shopName, shopOrderNumber) };
  if (shop.fabricated) tx.put(shopName, FABRICATED.shops, shopName, shop.record);
  if (order.fabricated) tx.put(shopName, FABRICATED.orders, shopOrderNumber, order.record);
  return { scope: { shop: shop.record, order: order.record } };
}

/**
 * The shop and order for a read: known ones without writing anything (a transaction would cost a disk write); an
 * unknown one is fabricated and stored in a transaction (so a later create meets the same order), or missing
 * under `--strict-fixtures`.
 */
export async function resolveScope(context: HandlerContext, shopName: string, shopOrderNumber: string): Promise<ScopeOutcome> {
  const strict = context.strictFixtures;
  const shop =
    (shopFixtures(context).find((record) => record.name === shopName) as IomShop | undefined) ??
    (strict ? undefined : context.store.get<IomShop>(shopName, FABRICATED.shops, shopName));
  if (shop === undefined && strict) return { missing: shopNotFound(shopName) };
  const order =
    (findFixtureOrder(context, shopName, shopOrderNumber) as IomOrder | undefined) ??
    (strict ? undefined : context.store.get<IomOrder>(shopName, FABRICATED.orders, shopOrderNumber));
  if (order === undefined && strict) return { missing: orderNotFound(shopName, shopOrderNumber) };
  if (shop !== undefined && order !== undefined) return { scope: { shop, order } };
  return context.store.transact((tx) => resolveScopeInTransaction(tx, context, shopName, shopOrderNumber, new Map()));
}
