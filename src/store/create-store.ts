import type { StoreAdapter } from './adapter.js';
import { applyChange } from './apply-change.js';
import { copyRecord } from './copy-record.js';
import { assertName } from './assert-name.js';
import { createGroupCommit } from './group-commit.js';
import { createLogPersistence } from './log-persistence.js';
import { createMemoryPersistence } from './memory-persistence.js';
import { createSnapshotPersistence } from './snapshot-persistence.js';
import { createTransaction } from './create-transaction.js';
import type { StoreChange } from './store-change.js';
import { StoreWriteError } from './store-write-error.js';
import { findPartition, toStoreData } from './store-state.js';
import type { ResetScope, Store, StoreData, StoreTransaction } from './types.js';

/**
 * Where the store keeps its data: a JSON snapshot file with an append-only log beside it (`file` and `file.log`),
 * memory only, or any lowdb adapter (e.g. `createMemoryAdapter()`, `createCountingAdapter(createJsonFileAdapter(file))`),
 * which gets the whole state on every write.
 */
export type StoreOptions = { file: string } | { inMemory: true } | { adapter: StoreAdapter };

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * Opens the store: reads what the persistence holds (a missing file is empty; an unreadable one throws
 * `StoreOpenError`), then serves reads from memory and group-commits every change.
 * @example const store = await createStore({ file: '.data/returns-mock.json' });
 */
export async function createStore(options: StoreOptions): Promise<Store> {
  const persistence =
    'file' in options ? createLogPersistence(options.file) : 'adapter' in options ? createSnapshotPersistence(options.adapter) : createMemoryPersistence();
  const state = await persistence.load();
  /** Changes applied to `state` and not yet handed to a write. */
  let pending: StoreChange[] = [];
  // A write takes the pending changes when it starts, so it holds every change applied before that moment.
  const commits = createGroupCommit(() => {
    const changes = pending;
    pending = [];
    return persistence.write(changes, state).catch((error: unknown) => {
      throw new StoreWriteError({ cause: error });
    });
  });
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

  const keep = (changes: StoreChange[]) => {
    for (const change of changes) pending.push(change);
    return commits.commit();
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
    // `misuse` is what a late tx call threw (an Error): rethrown as it is.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (misuse !== undefined) throw misuse;
    if (isThenable(result)) throw new TypeError('store: transact() takes a synchronous function (read first, then change everything at once); nothing was kept');
    await keep(transaction.apply());
    return result;
  };

  const runReset = async (scope: ResetScope | undefined): Promise<void> => {
    const { vendor, tenant } = scope ?? {};
    // Never widen `{ tenant }` alone into "everything".
    if (vendor === undefined && tenant !== undefined) throw new TypeError('store: reset() of a tenant needs its vendor');
    if (vendor !== undefined) assertName('vendor', vendor);
    if (tenant !== undefined) assertName('tenant', tenant);
    const reset: StoreChange = vendor === undefined ? { kind: 'reset' } : tenant === undefined ? { kind: 'reset', vendor } : { kind: 'reset', vendor, tenant };
    applyChange(state, reset);
    await keep([reset]);
  };

  return {
    get<T>(vendor: string, tenant: string, collection: string, id: string) {
      const found = records(vendor, tenant, collection);
      assertName('id', id);
      return copyRecord(found?.get(id)) as T | undefined;
    },
    list<T>(vendor: string, tenant: string, collection: string) {
      return Array.from(records(vendor, tenant, collection)?.values() ?? []) as Readonly<T>[];
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
    close() {
      closed = true;
      closing ??= commits.flush().then(() => persistence.close(state));
      return closing;
    },
  };
}
