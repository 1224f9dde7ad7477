import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestMock } from '../../helpers/mock-client.js';
import type { MockOptions } from '../../../src/index.js';
import type { Violation } from '../../../src/core/violation.js';
import type { Exchange } from '../../../src/engine/create-vendor-engine.js';

/** The seed's tenant id (its `x-tenant-id` example) and a second tenant. */
export const TENANT_A = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
export const TENANT_B = '9b2d7c1e-4f3a-4e5b-8c6d-7e8f9a0b1c2d';
export const CLOCK = '2024-05-06T07:08:09.000Z';
export const RETURNS = '/jtl/erp/returns';

/** The headers JTL requires, with a bearer token and a tenant. */
export const jtlHeaders = (tenant = TENANT_A, token = 'demo-token') => ({
  authorization: `Bearer ${token}`,
  'x-appid': 'MyApp/1.0.0',
  'x-appversion': '1.0.0',
  'x-tenant-id': tenant,
});

export const jwt = (claims: object) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;

/** The seed page's request sample, verbatim. */
export const SEED_REQUEST = {
  CompanyId: 123,
  SalesOrderId: 123,
  WarehouseId: 123,
  Items: [{ Quantity: 2, ReturnReasonId: 123, ReturnReasonComment: 'too small', SalesOrderLineItemId: 123, DeliveryNoteLineItemId: 123 }],
  ReturnDate: '2023-02-01T12:45:00.0000000+00:00',
  ExternalNumber: 'EX-12345',
  ExternalComment: 'a replacement is needed',
  InternalComment: 'handle with care',
  Contact: 'Mr. Robinson',
  Packages: [{ TrackingID: 'JJD0099999999', ShippingMethodId: 123, ShippingMethodCustom: 'DHL' }],
};

/** A minimal return of `quantity` pieces of one line item. */
export const oneItem = (salesOrderId: number, lineItemId: number, quantity = 1, references: { CompanyId?: number; WarehouseId?: number } = {}) => ({
  CompanyId: references.CompanyId ?? 123,
  SalesOrderId: salesOrderId,
  WarehouseId: references.WarehouseId ?? 123,
  Items: [{ Quantity: quantity, SalesOrderLineItemId: lineItemId }],
});

/** The findings (violations, risks, notices) of the mock's latest exchange. */
export const lastFindings = (mock: { exchanges: Exchange[] }): Violation[] => mock.exchanges.at(-1)?.violations ?? [];

/** A fresh store file in a temp dir. */
export async function tempStoreFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(tmpdir(), 'returns-mock-jtl-')), 'store.json');
}

/** A JTL-only mock over a real store file, with `create` posting a return as a tenant. */
export async function createJtlMock(options: MockOptions = {}) {
  const exchanges: Exchange[] = [];
  // Every exchange is kept, so a test reads the findings of its latest request (with either store).
  const onExchange: MockOptions['onExchange'] = (exchange, entry) => {
    exchanges.push(exchange);
    options.onExchange?.(exchange, entry);
  };
  const mock = await createTestMock({ vendors: ['jtl'], inMemory: false, db: options.db ?? (await tempStoreFile()), clock: CLOCK, seed: 7, ...options, onExchange });
  const create = (body: object, headers: Record<string, string> = jtlHeaders()) => mock.send('POST', RETURNS, { headers, body });
  return { ...mock, exchanges, create };
}
