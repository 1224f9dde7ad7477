import { copyRecord } from './state/copy-record.js';
import { collectionIndexOf } from './query/index-of-collection.js';
import { deepFreeze } from './state/to-frozen-record.js';
import { assertName } from './state/assert-name.js';
import { createTransaction } from './state/create-transaction.js';
import type { StoreChange } from './state/store-change.js';
import { findPartition, toStoreData } from './state/store-state.js';
import { selectStoreBackend, type StoreOptions } from './persistence/select-store-backend.js';
import type { PageRange, ResetScope, SortedPage, Store, StoreData, StoreTransaction } from './types.js';

export type { StoreOptions } from './persistence/select-store-backend.js';

/** A stored record as a read hands it out: frozen (a loaded record is frozen only now; once frozen, this is one check). */
const freezeOnRead = <T>(record: unknown) => deepFreeze(record) as Readonly<T>;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * Opens the store on its backend: reads what it holds (a missing file is empty; an unreadable one throws
 * `StoreOpenError`), then serves reads from memory and commits every change through the backend.
 * @example const store = await createStore({ file: '.data/returns-mock.json' });
 */
export async function createStore(options: StoreOptions): Promise<Store> {
  const backend = await selectStoreBackend(options);
  const state = await backend.load();
  let transacting = false;
  /** A change attempted inside a transaction: it fails the enclosing transaction too, even if the callback ignores the rejection. */
  let misuse: Error | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;

  const records = (vendor: string, tenant: string, collection: string) => {
    assertName('vendor', vendor);
    assertName('tenant', tenant);
    assertName('collection', collection);
    return findPartition(state, vendor, tenant)?.collections.get(collection);
  };
  /**
   * Why a change cannot run now, if it cannot. Inside a transaction it also fails that transaction (whose
   * changes would be applied after it), so the misuse surfaces even if its own promise is ignored.
   */
  const refusal = (what: string): Promise<never> | undefined => {
    if (transacting) misuse ??= new Error(`store: ${what} inside a transaction; do everything through its tx`);
    const error = transacting ? misuse : closed ? new Error(`store: ${what} after close()`) : undefined;
    if (error === undefined) return undefined;
    const rejected = Promise.reject(error);
    if (transacting) rejected.catch(() => undefined); // reported by the enclosing transaction
    return rejected;
  };

  /** One run of `change` in a fresh transaction over the current state: what it would change, touch and return. */
  const decide = <R>(change: (tx: StoreTransaction) => R) => {
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
    // `misuse` is what a late tx call threw (an Error): rethrown as it is.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (misuse !== undefined) throw misuse;
    if (isThenable(result)) throw new TypeError('store: transact() takes a synchronous function (read first, then change everything at once); nothing was kept');
    return { changes: transaction.collect(), partitions: transaction.touched, result };
  };

  const runReset = async (scope: ResetScope | undefined): Promise<void> => {
    const { vendor, tenant } = scope ?? {};
    // Never widen `{ tenant }` alone into "everything".
    if (vendor === undefined && tenant !== undefined) throw new TypeError('store: reset() of a tenant needs its vendor');
    if (vendor !== undefined) assertName('vendor', vendor);
    if (tenant !== undefined) assertName('tenant', tenant);
    const reset: StoreChange = vendor === undefined ? { kind: 'reset' } : tenant === undefined ? { kind: 'reset', vendor } : { kind: 'reset', vendor, tenant };
    await backend.commit(state, () => ({ changes: [reset], partitions: 'all' as const, result: undefined }));
  };

  return {
    sharedJournal: backend.journal,
    sharedFixtures: backend.fixtures,
    get<T>(vendor: string, tenant: string, collection: string, id: string) {
      const found = records(vendor, tenant, collection);
      assertName('id', id);
      return copyRecord(found?.get(id)) as T | undefined;
    },
    list<T>(vendor: string, tenant: string, collection: string) {
      return Array.from(records(vendor, tenant, collection)?.values() ?? [], freezeOnRead<T>);
    },
    count(vendor, tenant, collection) {
      return records(vendor, tenant, collection)?.size ?? 0;
    },
    findBy<T>(vendor: string, tenant: string, collection: string, path: string, values: readonly unknown[], page?: PageRange) {
      const found = records(vendor, tenant, collection);
      if (found === undefined) return [];
      return collectionIndexOf(found)
        .findBy(path, values, page)
        .map((id) => freezeOnRead<T>(found.get(id)));
    },
    countBy(vendor, tenant, collection, path, values) {
      const found = records(vendor, tenant, collection);
      return found === undefined ? 0 : collectionIndexOf(found).countBy(path, values);
    },
    listSorted<T>(vendor: string, tenant: string, collection: string, path: string, { descending, offset, limit }: SortedPage) {
      const found = records(vendor, tenant, collection);
      if (found === undefined) return [];
      return collectionIndexOf(found)
        .sortedIds(path, descending, offset, limit)
        .map((id) => freezeOnRead<T>(found.get(id)));
    },
    transact(change) {
      // The async wrapper runs `decide` at once yet turns its throw into a rejection.
      return refusal('transact()') ?? (async () => backend.commit(state, () => decide(change)))();
    },
    refresh() {
      return backend.refresh(state);
    },
    reset(scope) {
      return refusal('reset()') ?? runReset(scope);
    },
    dump() {
      // Through JSON: plain objects, `__proto__` stays an own key, nothing shared with the store.
      return JSON.parse(JSON.stringify(toStoreData(state))) as StoreData;
    },
    close() {
      closed = true;
      closing ??= backend.close(state);
      return closing;
    },
  };
}
