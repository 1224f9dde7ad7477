import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMock, type Exchange, type Mock } from '../../src/index.js';
import { createSeededFaker, fakeFromSchema } from '../../src/fake/index.js';
import { bodyFormatOf } from '../../src/media/media-type.js';
import { createStore, type StoreData } from '../../src/store/index.js';
import type { CompiledOperation } from '../../src/validate/compile-operation.js';
import type { VendorEngine } from '../../src/engine/create-vendor-engine.js';
import { buildValidRequest, requestExample } from '../helpers/valid-request.js';
import { matcherFor } from '../helpers/spec-tools.js';

/** Cases per property in `npm test`; `npm run fuzz` raises it through the environment. */
export const FUZZ_RUNS = Number(process.env.RETURNS_MOCK_FUZZ_RUNS ?? 0) || 0;

/** A request as the fuzzer builds it: the body is text or raw bytes, the path is sent as written. */
export interface FuzzRequest {
  method: string;
  /** Path below the vendor prefix, query included. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** One operation the fuzzer aims at, with a valid request to start from (a JSON body where the spec offers one). */
export interface FuzzTarget {
  vendor: string;
  prefix: string;
  operationId: string;
  compiled: CompiledOperation;
  engine: VendorEngine;
  valid(seed: number): FuzzRequest;
}

/** Operations that store a new return, and the one that removes one: what the store must hold afterwards. */
const CREATES = new Set(['jtl/createReturn', 'intershop/createReturnRequest', 'emporix/createReturn', 'shopctrl/addOrderReturn']);
const DELETES = new Set(['emporix/deleteReturn']);
/** The collections that hold returns, per vendor. */
export const RETURN_COLLECTIONS = new Set(['returns', 'returnRequests']);

export function fuzzTargets(mock: Mock): FuzzTarget[] {
  return mock.engines.flatMap((engine) =>
    engine.operations.map((compiled) => ({
      vendor: engine.plugin.id,
      prefix: engine.plugin.prefix,
      operationId: compiled.operation.operationId,
      compiled,
      engine,
      valid(seed: number): FuzzRequest {
        const faker = createSeededFaker(seed);
        const built = buildValidRequest(engine.spec, compiled, faker);
        const json = compiled.bodies.find((body) => bodyFormatOf(body.media.mediaType) === 'json');
        if (json !== undefined && built.body !== undefined && bodyFormatOf(built.headers['content-type'] ?? '') !== 'json') {
          // Mutating a JSON body reaches more of the server than mutating XML text.
          const value =
            requestExample(json.media) ?? fakeFromSchema(engine.spec.index, json.media.schema, { matches: matcherFor(engine.spec), faker, pointer: json.media.schemaPointer });
          built.headers['content-type'] = json.media.mediaType;
          built.body = JSON.stringify(value);
        }
        return built;
      },
    })),
  );
}

/** Counts the returns a store dump holds, over every vendor and tenant. */
export function countReturns(data: StoreData): number {
  let count = 0;
  for (const tenants of Object.values(data.vendors)) {
    for (const partition of Object.values(tenants)) {
      for (const [name, records] of Object.entries(partition.collections)) if (RETURN_COLLECTIONS.has(name)) count += records.length;
    }
  }
  return count;
}

/** A mock over a real store file that records every exchange and what the store should hold. */
export async function createFuzzMock(options: { maxBody?: number } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'returns-mock-fuzz-'));
  const db = path.join(dir, 'store.json');
  const exchanges: Exchange[] = [];
  const mock = await createMock({ db, seed: 3, maxBody: options.maxBody, onExchange: (exchange) => exchanges.push(exchange) });
  let expectedReturns = 0;

  /** Sends through the real Hono app and returns the exchange the engine recorded (undefined for a path no vendor owns). */
  const send = async (prefix: string, request: FuzzRequest): Promise<{ response: Response; text: string; exchange: Exchange | undefined }> => {
    exchanges.length = 0;
    const init: RequestInit = { method: request.method, headers: request.headers };
    if (request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD')
      init.body = typeof request.body === 'string' ? request.body : Buffer.from(request.body);
    const response = await mock.app.request(`http://localhost${prefix}${request.path}`, init);
    const text = await response.text();
    const exchange = exchanges[0];
    if (exchange !== undefined && response.status >= 200 && response.status < 300 && exchange.scenario === undefined) {
      const key = `${exchange.vendor}/${exchange.operationId}`;
      if (CREATES.has(key)) expectedReturns += 1;
      if (DELETES.has(key)) expectedReturns -= 1;
    }
    return { response, text, exchange };
  };

  /** Closes the mock, opens its store file anew and hands back what the running mock held and what the file holds. */
  const closeAndReopen = async () => {
    const held = mock.store.dump();
    await mock.store.close();
    const reopened = await createStore({ file: db });
    const loaded = reopened.dump();
    await reopened.close();
    await rm(dir, { recursive: true, force: true });
    return { held, loaded };
  };

  return { mock, send, closeAndReopen, expectedReturns: () => expectedReturns };
}

/** What `Object.prototype` looks like before the fuzzer runs, to prove nothing was added to it. */
export function prototypeSnapshot(): string {
  return JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort());
}
