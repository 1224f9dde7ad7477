import { assertName } from './assert-name.js';
import { ensurePartition, findPartition, prunePartition, type StoreState } from './store-state.js';
import { toFrozenRecord } from './to-frozen-record.js';
import type { StoreTransaction } from './types.js';

/** A transaction in progress: `tx` for the caller, `apply` to keep its changes, `end` to close it. */
export interface OpenTransaction {
  tx: StoreTransaction;
  /** Moves the changes into `state` (synchronously). */
  apply(): void;
  /** Makes every further `tx` call throw. */
  end(): void;
}

/**
 * Starts a copy-on-write transaction over `state`: the first change to a collection copies that
 * collection's map (records are frozen, so the copy is shallow). `state` stays untouched until
 * `apply`, so dropping the transaction drops everything it did, and insertion order survives.
 */
export function createTransaction(state: StoreState): OpenTransaction {
  const draft: StoreState = new Map();
  let open = true;
  const check = (vendor: string, tenant: string, collection: string, collectionKind = 'collection') => {
    if (!open) throw new Error('store: this transaction has ended; use tx only synchronously inside the transact() callback');
    assertName('vendor', vendor);
    assertName('tenant', tenant);
    assertName(collectionKind, collection);
  };
  const records = (vendor: string, tenant: string, collection: string): ReadonlyMap<string, unknown> | undefined =>
    findPartition(draft, vendor, tenant)?.collections.get(collection) ?? findPartition(state, vendor, tenant)?.collections.get(collection);
  const writable = (vendor: string, tenant: string, collection: string): Map<string, unknown> => {
    const partition = ensurePartition(draft, vendor, tenant);
    let copy = partition.collections.get(collection);
    if (copy === undefined) partition.collections.set(collection, (copy = new Map(findPartition(state, vendor, tenant)?.collections.get(collection))));
    return copy;
  };

  const tx: StoreTransaction = {
    get<T>(vendor: string, tenant: string, collection: string, id: string) {
      check(vendor, tenant, collection);
      assertName('id', id);
      return structuredClone(records(vendor, tenant, collection)?.get(id)) as T | undefined;
    },
    list<T>(vendor: string, tenant: string, collection: string) {
      check(vendor, tenant, collection);
      return structuredClone([...(records(vendor, tenant, collection)?.values() ?? [])]) as T[];
    },
    put(vendor, tenant, collection, id, record) {
      check(vendor, tenant, collection);
      assertName('id', id);
      const frozen = toFrozenRecord(record);
      writable(vendor, tenant, collection).set(id, frozen);
    },
    delete(vendor, tenant, collection, id) {
      check(vendor, tenant, collection);
      assertName('id', id);
      if (records(vendor, tenant, collection)?.has(id) !== true) return false;
      return writable(vendor, tenant, collection).delete(id);
    },
    nextId(vendor, tenant, sequence) {
      check(vendor, tenant, sequence, 'sequence');
      const sequences = ensurePartition(draft, vendor, tenant).sequences;
      const next = (sequences.get(sequence) ?? findPartition(state, vendor, tenant)?.sequences.get(sequence) ?? 0) + 1;
      sequences.set(sequence, next);
      return next;
    },
  };

  return {
    tx,
    apply() {
      for (const [vendor, tenants] of draft) {
        for (const [tenant, changed] of tenants) {
          const partition = ensurePartition(state, vendor, tenant);
          for (const [name, collection] of changed.collections) {
            if (collection.size > 0) partition.collections.set(name, collection);
            else partition.collections.delete(name);
          }
          for (const [name, value] of changed.sequences) partition.sequences.set(name, value);
          prunePartition(state, vendor, tenant);
        }
      }
      draft.clear();
    },
    end() {
      open = false;
    },
  };
}
