import { copyRecord } from './state/copy-record.js';
import { collectionIndexOf } from './query/index-of-collection.js';
import { peekRecordOf, recordOf, type StoredText } from './state/record-text.js';
import { assertName } from './state/assert-name.js';
import { createTransaction } from './state/create-transaction.js';
import type { StoreChange } from './state/store-change.js';
import { findPartition, toPlainStoreData } from './state/store-state.js';
import { selectStoreBackend, type StoreOptions } from './persistence/select-store-backend.js';
import type { PageRange, ResetScope, SortedPage, Store, StoreTransaction } from './types.js';

export type { StoreOptions } from './persistence/select-store-backend.js';

/**
 * How a read hands out the records of some ids: frozen and shared. A result of a page or so fills the read cache; a
 * larger one (a whole collection, a lookup matching thousands) only uses it, so it does not flush the hot records.
 */
const handOut =
  <T>(records: ReadonlyMap<string, StoredText>) =>
  (id: string, _index: number, ids: readonly string[]) =>
    (ids.length > 256 ? peekRecordOf : recordOf)(records.get(id)!) as Readonly<T>;

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
      const text = found?.get(id);
      return text === undefined ? undefined : (copyRecord(recordOf(text)) as T);
    },
    list<T>(vendor: string, tenant: string, collection: string) {
      return Array.from(records(vendor, tenant, collection)?.values() ?? [], (text) => peekRecordOf(text) as Readonly<T>);
    },
    count(vendor, tenant, collection) {
      return records(vendor, tenant, collection)?.size ?? 0;
    },
    findBy<T>(vendor: string, tenant: string, collection: string, path: string, values: readonly unknown[], page?: PageRange) {
      const found = records(vendor, tenant, collection);
      if (found === undefined) return [];
      return collectionIndexOf(found).findBy(path, values, page).map(handOut<T>(found));
    },
    countBy(vendor, tenant, collection, path, values) {
      const found = records(vendor, tenant, collection);
      return found === undefined ? 0 : collectionIndexOf(found).countBy(path, values);
    },
    listSorted<T>(vendor: string, tenant: string, collection: string, path: string, { descending, offset, limit }: SortedPage) {
      const found = records(vendor, tenant, collection);
      if (found === undefined) return [];
      return collectionIndexOf(found).sortedIds(path, descending, offset, limit).map(handOut<T>(found));
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
      // Parsed from the records' texts: plain objects, `__proto__` stays an own key, nothing shared with the store.
      return toPlainStoreData(state);
    },
    close() {
      closed = true;
      closing ??= backend.close(state);
      return closing;
    },
  };
}
