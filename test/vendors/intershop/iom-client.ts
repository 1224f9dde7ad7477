import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestMock, type TestResponse } from '../../helpers/mock-client.js';
import type { MockOptions } from '../../../src/index.js';

export const REQUEST_TYPE = 'application/vnd.intershop.return-request.v1+json';
export const APPROVAL_TYPE = 'application/vnd.intershop.approval.v1+json';
export const SHOP = 'Test Shop US DE';
export const ORDER = '20180303123';
export const CLOCK = '2024-05-06T07:08:09.000Z';

export const basic = (user: string, password = 'secret') => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const jwt = (claims: object) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;

/** `/intershop/shops/{shop}/orders/{order}/return-requests` with both segments encoded, plus `rest`. */
export const requestsPath = (shop: string, order: string, rest = '') => `/intershop/shops/${encodeURIComponent(shop)}/orders/${encodeURIComponent(order)}/return-requests${rest}`;

export const position = (positionNumber: number, productNumber: string, quantity: number, serials: string[] = []) => ({
  positionNumber,
  productNumber,
  reason: 'RET100',
  quantity,
  ...(serials.length > 0 ? { items: serials.map((productSerialNumber) => ({ productSerialNumber })) } : {}),
});

/** A fresh store file in a temp dir. */
export async function tempStoreFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(tmpdir(), 'returns-mock-iom-')), 'store.json');
}

/** An IOM-only mock over a real store file, with helpers for the client calls the tests make. */
export async function createIomMock(options: MockOptions = {}) {
  const mock = await createTestMock({ vendors: ['intershop'], inMemory: false, db: options.db ?? (await tempStoreFile()), clock: CLOCK, seed: 42, ...options });
  const auth = basic('admin');
  const create = (shop: string, order: string, body: object, headers: Record<string, string> = auth) =>
    mock.send('POST', requestsPath(shop, order), { headers: { ...headers, 'content-type': REQUEST_TYPE }, body });
  const approve = (shop: string, order: string, id: number | string, body: object, headers: Record<string, string> = auth) =>
    mock.send('POST', requestsPath(shop, order, `/${id}/approvals`), { headers: { ...headers, 'content-type': APPROVAL_TYPE }, body });
  const get = (pathName: string, headers: Record<string, string> = auth): Promise<TestResponse> => mock.send('GET', pathName, { headers });
  const returnables = async (shop: string, order: string) =>
    (await get(requestsPath(shop, order, '/returnables'))).json.positions as Array<{
      positionNumber: number;
      quantity: number;
      items?: Array<{ productSerialNumber: string }>;
      product: { number: string; name: string };
    }>;
  return { ...mock, create, approve, get, returnables };
}

/** The id at the end of a `Location` header. */
export const idFrom = (response: TestResponse): number => Number(new URL(response.headers.get('location')!).pathname.split('/').pop());
