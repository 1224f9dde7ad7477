import { createSeededFaker } from '../../fake/index.js';

/** A shop (the tenant): from the `shops` fixtures or fabricated for an unknown name. */
export interface IomShop {
  name: string;
  supplierName?: string;
  fabricated?: true;
}

/** An order position: what may be returned, how many, and which serial numbers. */
export interface IomOrderPosition {
  positionNumber: number;
  productNumber: string;
  quantity: number;
  serialNumbers?: string[];
  productName?: string;
  supplierProductNumber?: string;
}

/** An order of a shop, from the `orders` fixtures or fabricated for an unknown order number. */
export interface IomOrder {
  shopName?: string;
  shopOrderNumber: string;
  supplierOrderNumber?: string;
  supplierName?: string;
  positions: IomOrderPosition[];
  fabricated?: true;
}

/** A product of the `products` fixtures: names what an order position only numbers. */
export interface IomProduct {
  number: string;
  name?: string;
  supplierProductNumber?: string;
}

/** What a create asks of one order position: the fabricated order is made to hold at least that. */
export interface RequestedPosition {
  productNumber: string;
  quantity: number;
  serialNumbers: string[];
}

/** A return reason of the `returnReasons` fixtures, as `GET .../return-reasons` lists it. */
export interface IomReturnReason {
  name: string;
  description?: string;
  type: string;
}

/** The reason type a return request's positions take their reasons from (`RET`; `CAN` are cancellations). */
export const RETURN_REASON_TYPE = 'RET';

/** The shop's return reasons of the given types: a reason without `shopName` belongs to every shop, a fabricated one too. */
export function reasonsOfShop(fixtures: ReadonlyArray<Record<string, unknown>>, shopName: string, types: readonly string[]): IomReturnReason[] {
  return fixtures
    .filter((reason) => (reason.shopName === undefined || reason.shopName === shopName) && types.includes(String(reason.type)))
    .map(({ name, description, type }) => ({ name: String(name), ...(description === undefined ? {} : { description: String(description) }), type: String(type) }));
}

/** Store collections of fabricated reference data, per shop. */
export const FABRICATED = { shops: 'shops', orders: 'orders' } as const;

/** A shop the fixtures lack, with a supplier named deterministically from the seed and the shop name. */
export function fabricateShop(seed: number, name: string): IomShop {
  return { name, supplierName: createSeededFaker(seed).company.name(), fabricated: true };
}

const serialNumber = (faker: ReturnType<typeof createSeededFaker>) => `${faker.string.alphanumeric({ length: 3, casing: 'upper' })}${faker.string.numeric(8)}`;

/**
 * An order the fixtures lack, deterministic from the seed (shop and order number). When a create is its first
 * use, its positions are the requested ones, each holding at least what is asked plus up to 3 more pieces (when
 * the request names serial numbers: those, and one new serial number per extra piece), so the first return of any
 * order fits; otherwise it gets 1 to 3 seeded positions. Stored, it stays the same for every later request.
 */
export function fabricateOrder(seed: number, shop: IomShop, shopOrderNumber: string, requested: ReadonlyMap<number, RequestedPosition>): IomOrder {
  const faker = createSeededFaker(seed);
  const supplierOrderNumber = faker.string.numeric(11);
  const positions: IomOrderPosition[] = [];
  if (requested.size > 0) {
    for (const [positionNumber, wanted] of [...requested].sort(([a], [b]) => a - b)) {
      const extraPieces = faker.number.int({ min: 0, max: 3 });
      const quantity = Math.max(1, wanted.quantity, wanted.serialNumbers.length) + extraPieces;
      const position: IomOrderPosition = { positionNumber, productNumber: wanted.productNumber, quantity, productName: faker.commerce.productName() };
      if (wanted.serialNumbers.length > 0) {
        // Bounded by the request, not by its quantity: a serial number per piece of a 2^31-piece return would never finish.
        const extra = Array.from({ length: extraPieces }, () => serialNumber(faker));
        position.serialNumbers = [...new Set([...wanted.serialNumbers, ...extra])];
      }
      positions.push(position);
    }
  } else {
    const count = faker.number.int({ min: 1, max: 3 });
    for (let positionNumber = 1; positionNumber <= count; positionNumber += 1) {
      const quantity = faker.number.int({ min: 1, max: 5 });
      const position: IomOrderPosition = { positionNumber, productNumber: faker.string.numeric(8), quantity, productName: faker.commerce.productName() };
      if (faker.datatype.boolean()) position.serialNumbers = Array.from({ length: quantity }, () => serialNumber(faker));
      positions.push(position);
    }
  }
  return {
    shopName: shop.name,
    shopOrderNumber,
    supplierOrderNumber,
    ...(shop.supplierName === undefined ? {} : { supplierName: shop.supplierName }),
    positions,
    fabricated: true,
  };
}
