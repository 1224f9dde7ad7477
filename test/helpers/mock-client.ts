import { createMock, type MockOptions } from '../../src/index.js';
import { createTestDatabase } from './postgres-database.js';

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  json: any;
}

export interface SendOptions {
  headers?: Record<string, string>;
  /** An object is sent as JSON (with `content-type: application/json` unless given). */
  body?: unknown;
}

/** The database standing for each store file a suite names, so a "restart" on the same file finds the same state. */
const databases = new Map<string, Promise<string>>();

/**
 * The options with the store the run tests: unchanged, or in the `postgres` vitest project (RETURNS_MOCK_TEST_STORE)
 * a PostgreSQL database: one per store file named, a fresh one for a store in memory.
 */
async function withStoreUnderTest(options: MockOptions): Promise<MockOptions> {
  if (process.env.RETURNS_MOCK_TEST_STORE !== 'postgres' || options.store !== undefined) return options;
  const file = options.inMemory === false ? options.db : undefined;
  if (file === undefined) return { ...options, store: await createTestDatabase() };
  if (!databases.has(file)) databases.set(file, createTestDatabase());
  return { ...options, store: await databases.get(file)! };
}

/** A mock built in-process, with a `send` that goes through the real Hono app. */
export async function createTestMock(options: MockOptions = {}) {
  const mock = await createMock(await withStoreUnderTest({ inMemory: true, ...options }));
  const send = async (method: string, path: string, { headers = {}, body }: SendOptions = {}): Promise<TestResponse> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      const isText = typeof body === 'string' || body instanceof Uint8Array;
      init.body = isText ? (body as string) : JSON.stringify(body);
      if (!isText && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
    }
    const response = await mock.app.request(`http://localhost${path}`, init);
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  return { ...mock, send };
}
