import { createSeededFaker } from '../../fake/index.js';

/** A line item of a sales order: what may be returned, and how many. */
export interface JtlLineItem {
  Id: number;
  Quantity: number;
  Item?: { Id?: number; Sku?: string; Name?: string };
}

/** A sales order as fixtures declare it (`salesOrders`) or as the mock fabricated it. */
export interface JtlSalesOrder {
  Id: number;
  Number?: string;
  CustomerId: number;
  LineItems: JtlLineItem[];
  Fabricated?: true;
}

/** A company or warehouse: only its existence matters to a return. */
export interface JtlNamedRecord {
  Id: number;
  Name?: string;
  Fabricated?: true;
}

/** Store collections of fabricated reference data, per tenant. */
export const FABRICATED = { companies: 'companies', salesOrders: 'salesOrders', warehouses: 'warehouses' } as const;

/** A company or warehouse the fixtures lack, named deterministically from the seed, the tenant and its id. */
export function fabricateNamed(seed: number, kind: 'company' | 'warehouse', id: number): JtlNamedRecord {
  const faker = createSeededFaker(seed);
  return { Id: id, Name: kind === 'company' ? faker.company.name() : `${faker.location.city()} warehouse`, Fabricated: true };
}

/**
 * A sales order the fixtures lack: customer, number and items come from the seed (tenant and order id); its
 * line items are the ones this first request names, each with at least the quantity it returns, so the first
 * return of a fabricated order always fits. Stored, later returns of it are checked against these line items.
 */
export function fabricateSalesOrder(seed: number, id: number, requested: ReadonlyMap<number, number>): JtlSalesOrder {
  const faker = createSeededFaker(seed);
  const customerId = faker.number.int({ min: 1000, max: 999_999 });
  const number = `AU${faker.number.int({ min: 2020, max: 2025 })}-${String(id).padStart(6, '0')}`;
  const lineItems = [...requested].map(([lineId, quantity]): JtlLineItem => ({
    Id: lineId,
    Quantity: Math.ceil(quantity) + faker.number.int({ min: 0, max: 3 }),
    Item: { Id: faker.number.int({ min: 1, max: 999_999 }), Sku: faker.string.alphanumeric({ length: 8, casing: 'upper' }), Name: faker.commerce.productName() },
  }));
  return { Id: id, Number: number, CustomerId: customerId, LineItems: lineItems, Fabricated: true };
}
