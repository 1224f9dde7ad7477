import { fixtureById } from '../shared/resolve-reference.js';
import { createSeededFaker } from '../../fake/index.js';

type FixtureList = ReadonlyArray<Record<string, unknown>>;

/** An order row: what may be returned, and how many. Product fields on the row win over the `products` fixture. */
export interface ShopCtrlOrderRow {
  Id: number;
  ProductId?: number;
  Quantity: number;
  ProductCode?: string;
  ProductName?: string;
  SupplierName?: string;
}

/** An order as fixtures declare it (`orders`) or as the mock fabricated it. */
export interface ShopCtrlOrder {
  Id: number;
  OrderNumber?: string;
  Rows: ShopCtrlOrderRow[];
  Fabricated?: true;
}

/** The product a row names: code, name and supplier, for return rows that do not give them. */
export interface ShopCtrlProduct {
  Id?: number;
  Code?: string;
  Name?: string;
  SupplierName?: string;
}

/** ShopCtrl has no tenant: everything lives in one partition. */
export const TENANT = 'default';

/** Store collections of fabricated reference data. */
export const FABRICATED = { orders: 'orders', warehouses: 'warehouses' } as const;

/** The rows of an order, tolerating a fixture without any. */
export const rowsOf = (order: ShopCtrlOrder): readonly ShopCtrlOrderRow[] => (Array.isArray(order.Rows) ? order.Rows : []);

/** What a row's product is called: fields on the row first, then the `products` fixture by `ProductId`. */
export function productOf(row: ShopCtrlOrderRow, products: FixtureList): ShopCtrlProduct {
  const product = (fixtureById(products, row.ProductId) ?? {}) as ShopCtrlProduct;
  return { Id: row.ProductId, Code: row.ProductCode ?? product.Code, Name: row.ProductName ?? product.Name, SupplierName: row.SupplierName ?? product.SupplierName };
}

/**
 * An order the fixtures lack: order number and products come from the seed and the order id; its rows are the
 * ones this first request names, each holding at least the quantity returned, so the first return of a fabricated
 * order always fits. Stored, later returns of it are checked against these rows.
 */
export function fabricateOrder(seed: number, id: number, requested: ReadonlyMap<number, number>): ShopCtrlOrder {
  const faker = createSeededFaker(seed);
  const orderNumber = String(faker.number.int({ min: 100_000, max: 999_999 }));
  const rows = [...requested].map(([rowId, quantity]): ShopCtrlOrderRow => ({
    Id: rowId,
    ProductId: faker.number.int({ min: 1000, max: 999_999 }),
    Quantity: Math.max(1, Math.ceil(quantity)) + faker.number.int({ min: 0, max: 3 }),
    ProductCode: faker.string.alphanumeric({ length: 8, casing: 'upper' }),
    ProductName: faker.commerce.productName(),
    SupplierName: faker.company.name(),
  }));
  return { Id: id, OrderNumber: orderNumber, Rows: rows, Fabricated: true };
}

/** A warehouse the fixtures lack, named deterministically from the seed and its id. */
export function fabricateWarehouse(seed: number, id: number): { Id: number; Name: string; Fabricated: true } {
  return { Id: id, Name: `${createSeededFaker(seed).location.city()} warehouse`, Fabricated: true };
}
