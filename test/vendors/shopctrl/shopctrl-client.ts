import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestMock } from '../../helpers/mock-client.js';
import type { MockOptions } from '../../../src/index.js';
import type { Violation } from '../../../src/core/violation.js';
import type { Exchange } from '../../../src/engine/create-vendor-engine.js';

export const CLOCK = '2024-05-06T07:08:09.000Z';
/** The clock as ASP.NET writes a DateTime. */
export const CLOCK_DOTNET = '2024-05-06T07:08:09.0000000+00:00';
export const RETURNS = '/shopctrl/v1/Returns';

const seedExample = (name: string) => readFileSync(fileURLToPath(new URL(`../../spec/seed-examples/shopctrl/${name}`, import.meta.url)), 'utf8');

/** The seed page's JSON request sample with `Id` 0, as the insert rule requires (the sample has 4). */
export const SEED_JSON = { ...(JSON.parse(seedExample('addOrderReturn.request.json')) as Record<string, unknown>), Id: 0 };
/** The seed page's XML request sample, verbatim: `<Id>4</Id>`, namespaces and all. */
export const SEED_XML_AS_PRINTED = seedExample('addOrderReturn.request.xml');
/** The same XML sample with `<Id>0</Id>` (the return's own `Id` is the only `<Id>4</Id>` in it). */
export const SEED_XML = SEED_XML_AS_PRINTED.replace('<Id>4</Id>', '<Id>0</Id>');

/** A minimal return of one order row. */
export const oneRow = (orderId: number, orderRowId: number, quantity = 1, extra: Record<string, unknown> = {}) => ({
  Id: 0,
  OrderId: orderId,
  ReturnCode: `R-${orderId}-${orderRowId}`,
  OrderReturnRows: [{ OrderRowId: orderRowId, ReturnedQuantity: quantity }],
  ...extra,
});

/** The findings (violations, risks, notices) of the mock's latest exchange. */
export const lastFindings = (mock: { exchanges: Exchange[] }): Violation[] => mock.exchanges.at(-1)?.violations ?? [];

/** A fresh store file in a temp dir. */
export async function tempStoreFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(tmpdir(), 'returns-mock-shopctrl-')), 'store.json');
}

export type Format = 'json' | 'xml';
const MEDIA: Record<Format, string> = { json: 'application/json', xml: 'application/xml' };

/** A ShopCtrl-only mock over a real store file; `add` posts a return in one format and asks for an answer in another. */
export async function createShopCtrlMock(options: MockOptions = {}) {
  const exchanges: Exchange[] = [];
  // Every exchange is kept, so a test reads the findings of its latest request (with either store).
  const onExchange: MockOptions['onExchange'] = (exchange, entry) => {
    exchanges.push(exchange);
    options.onExchange?.(exchange, entry);
  };
  const mock = await createTestMock({ vendors: ['shopctrl'], inMemory: false, db: options.db ?? (await tempStoreFile()), clock: CLOCK, seed: 5, ...options, onExchange });
  const add = (body: object | string, send: Format = 'json', accept: Format = 'json') =>
    mock.send('POST', RETURNS, { headers: { 'content-type': MEDIA[send], accept: MEDIA[accept] }, body });
  /** The stored returns, in insertion order. */
  const stored = async (): Promise<Array<Record<string, any>>> =>
    ((await mock.send('GET', '/__admin/state')).json.vendors.shopctrl?.default?.collections.returns ?? []).map(([, record]: [string, unknown]) => record);
  return { ...mock, exchanges, add, stored };
}
