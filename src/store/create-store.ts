import { Low } from 'lowdb';
import type { StoreAdapter } from './adapter.js';
import { assertName } from './assert-name.js';
import { createGroupCommit } from './group-commit.js';
import { createJsonFileAdapter } from './json-file-adapter.js';
import { createMemoryAdapter } from './memory-adapter.js';
import { createTransaction } from './create-transaction.js';
import { findPartition, toStoreData, toStoreState } from './store-state.js';
import { STORE_DATA_VERSION, type ResetScope, type Store, type StoreData, type StoreTransaction } from './types.js';

/** Where the store keeps its data: a JSON file, memory only, or any adapter (for wrapping, e.g. `createCountingAdapter(createJsonFileAdapter(file))`). */
export type StoreOptions = { file: string } | { inMemory: true } | { adapter: StoreAdapter };

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * Opens the store: reads what the adapter holds (a missing file is empty; an unreadable one throws
 * `StoreOpenError`), then serves reads from memory and group-commits every change through lowdb's `Low`.
 * @example const store = await createStore({ file: '.data/returns-mock.json' });
 */
export async function createStore(options: StoreOptions): Promise<Store> {
  const adapter = 'adapter' in options ? options.adapter : 'file' in options ? createJsonFileAdapter(options.file) : createMemoryAdapter();
  const db = new Low<StoreData>(adapter, { version: STORE_DATA_VERSION, vendors: {} });
  await db.read();
  const state = toStoreState(db.data);
  // The snapshot is taken when the write starts, so it holds every change applied before that moment.
  const commits = createGroupCommit(() => {
    db.data = toStoreData(state);
    return db.write();
  });
  let transacting = false;
  /** A change attempted inside a transaction: it fails the enclosing transaction too, even if the callback ignores the rejection. */
  let misuse: Error | undefined;
  let closed = false;

  const records = (vendor: string, tenant: string, collection: string) => {
    assertName('vendor', vendor);
    assertName('tenant', tenant);
    assertName('collection', collection);
    return findPartition(state, vendor, tenant)?.collections.get(collection);
  };
  /**
   * Why a change cannot run now, if it cannot. Inside a transaction it also fails that transaction (whose
   * copy-on-write collections would overwrite it), so the misuse surfaces even if its own promise is ignored.
   */
  const refusal = (what: string): Promise<never> | undefined => {
    if (transacting) misuse ??= new Error(`store: ${what} inside a transaction; do everything through its tx`);
    const error = transacting ? misuse : closed ? new Error(`store: ${what} after close()`) : undefined;
    if (error === undefined) return undefined;
    const rejected = Promise.reject(error);
    if (transacting) rejected.catch(() => undefined); // reported by the enclosing transaction
    return rejected;
  };

  const runTransaction = async <R>(change: (tx: StoreTransaction) => R): Promise<R> => {
    const transaction = createTransaction(state);
    transacting = true;
    misuse = undefined;
    let result: R;
    try {
      result = change(transaction.tx);
    } finally {
      transacting = false;
      transaction.end();
    }
    // An async callback's tx calls after its first await throw; keep that rejection from going unhandled.
    if (isThenable(result)) void Promise.resolve(result).catch(() => undefined);
    if (misuse !== undefined) throw misuse;
    if (isThenable(result)) throw new TypeError('store: transact() takes a synchronous function (read first, then change everything at once); nothing was kept');
    transaction.apply();
    await commits.commit();
    return result;
  };

  const runReset = async (scope: ResetScope | undefined): Promise<void> => {
    const { vendor, tenant } = scope ?? {};
    if (vendor === undefined) {
      // Never widen `{ tenant }` alone into "everything".
      if (tenant !== undefined) throw new TypeError('store: reset() of a tenant needs its vendor');
      state.clear();
    } else {
      assertName('vendor', vendor);
      if (tenant === undefined) state.delete(vendor);
      else {
        assertName('tenant', tenant);
        const tenants = state.get(vendor);
        tenants?.delete(tenant);
        if (tenants?.size === 0) state.delete(vendor);
      }
    }
    await commits.commit();
  };

  return {
    get<T>(vendor: string, tenant: string, collection: string, id: string) {
      const found = records(vendor, tenant, collection);
      assertName('id', id);
      return structuredClone(found?.get(id)) as T | undefined;
    },
    list<T>(vendor: string, tenant: string, collection: string) {
      return structuredClone([...(records(vendor, tenant, collection)?.values() ?? [])]) as T[];
    },
    count(vendor, tenant, collection) {
      return records(vendor, tenant, collection)?.size ?? 0;
    },
    transact(change) {
      return refusal('transact()') ?? runTransaction(change);
    },
    reset(scope) {
      return refusal('reset()') ?? runReset(scope);
    },
    dump() {
      // Through JSON: plain objects, `__proto__` stays an own key, nothing shared with the store.
      return JSON.parse(JSON.stringify(toStoreData(state))) as StoreData;
    },
    async close() {
      closed = true;
      await commits.flush();
    },
  };
}
