import { assertName } from './assert-name.js';
import type { StoreChange } from './store-change.js';
import { findPartition, type StoreState } from './store-state.js';
import { copyRecord } from './copy-record.js';
import { recordOf, toRecordText, type StoredText } from './record-text.js';
import type { StoreTransaction } from '../types.js';

/** A transaction in progress: `tx` for the caller, `collect` for its changes, `end` to close it. */
export interface OpenTransaction {
  tx: StoreTransaction;
  /** Its changes in order (sequences last), not yet applied to `state`: the backend applies them once they are kept. */
  collect(): StoreChange[];
  /** Every partition it read or changed, as `partitionKey` gives them: what a shared backend must lock. */
  touched: ReadonlySet<string>;
  /** Makes every further `tx` call throw. */
  end(): void;
}

/** One key per (vendor, tenant), as JSON so that no two pairs share one. */
export const partitionKey = (vendor: string, tenant: string): string => JSON.stringify([vendor, tenant]);

/** Marks a record the transaction deleted. */
const DELETED = Symbol('deleted');

/** What one transaction changed in one partition: record texts by collection and id (or `DELETED`), sequences by name. */
interface DraftPartition {
  records: Map<string, Map<string, StoredText | typeof DELETED>>;
  sequences: Map<string, number>;
}

/**
 * Starts a transaction over `state` that records its changes as a list and reads through an overlay of
 * them: `state` stays untouched (the backend applies `collect()` once it keeps the changes), so dropping the transaction drops everything it did, and
 * a change costs O(1) whatever the store holds (no collection is copied).
 */
export function createTransaction(state: StoreState): OpenTransaction {
  const draft = new Map<string, Map<string, DraftPartition>>();
  const changes: StoreChange[] = [];
  const touched = new Set<string>();
  let open = true;
  const check = (vendor: string, tenant: string, collection: string, collectionKind = 'collection') => {
    if (!open) throw new Error('store: this transaction has ended; use tx only synchronously inside the transact() callback');
    assertName('vendor', vendor);
    assertName('tenant', tenant);
    assertName(collectionKind, collection);
    touched.add(partitionKey(vendor, tenant));
  };
  const draftOf = (vendor: string, tenant: string, create: boolean): DraftPartition | undefined => {
    let tenants = draft.get(vendor);
    if (tenants === undefined && create) draft.set(vendor, (tenants = new Map<string, DraftPartition>()));
    let partition = tenants?.get(tenant);
    if (partition === undefined && create) tenants!.set(tenant, (partition = { records: new Map(), sequences: new Map() }));
    return partition;
  };
  const overlayOf = (vendor: string, tenant: string, collection: string, create: boolean) => {
    const partition = draftOf(vendor, tenant, create);
    let overlay = partition?.records.get(collection);
    if (overlay === undefined && create) partition!.records.set(collection, (overlay = new Map<string, StoredText | typeof DELETED>()));
    return overlay;
  };
  /** A record's text as this transaction sees it. */
  const visible = (vendor: string, tenant: string, collection: string, id: string): StoredText | undefined => {
    const overlay = overlayOf(vendor, tenant, collection, false);
    if (overlay?.has(id) === true) {
      const value = overlay.get(id);
      return value === DELETED ? undefined : value;
    }
    return findPartition(state, vendor, tenant)?.collections.get(collection)?.get(id);
  };
  const change = (next: StoreChange & { kind: 'put' | 'delete' }) => {
    overlayOf(next.vendor, next.tenant, next.collection, true)!.set(next.id, next.kind === 'put' ? next.json : DELETED);
    changes.push(next);
  };

  const tx: StoreTransaction = {
    get<T>(vendor: string, tenant: string, collection: string, id: string) {
      check(vendor, tenant, collection);
      assertName('id', id);
      const text = visible(vendor, tenant, collection, id);
      return text === undefined ? undefined : (copyRecord(recordOf(text)) as T);
    },
    list<T>(vendor: string, tenant: string, collection: string) {
      check(vendor, tenant, collection);
      const stored = findPartition(state, vendor, tenant)?.collections.get(collection);
      if (overlayOf(vendor, tenant, collection, false) === undefined) return Array.from(stored?.values() ?? [], (text) => copyRecord(recordOf(text)) as T);
      // Replays this collection's changes over a copy, so the order is the one `apply` will give.
      const records = new Map(stored);
      for (const c of changes) {
        if (c.kind === 'reset' || c.kind === 'sequence' || c.vendor !== vendor || c.tenant !== tenant || c.collection !== collection) continue;
        if (c.kind === 'put') records.set(c.id, c.json);
        else records.delete(c.id);
      }
      return Array.from(records.values(), (text) => copyRecord(recordOf(text)) as T);
    },
    put(vendor, tenant, collection, id, record) {
      check(vendor, tenant, collection);
      assertName('id', id);
      change({ kind: 'put', vendor, tenant, collection, id, json: toRecordText(record) });
    },
    delete(vendor, tenant, collection, id) {
      check(vendor, tenant, collection);
      assertName('id', id);
      if (visible(vendor, tenant, collection, id) === undefined) return false;
      change({ kind: 'delete', vendor, tenant, collection, id });
      return true;
    },
    nextId(vendor, tenant, sequence) {
      check(vendor, tenant, sequence, 'sequence');
      const sequences = draftOf(vendor, tenant, true)!.sequences;
      const next = (sequences.get(sequence) ?? findPartition(state, vendor, tenant)?.sequences.get(sequence) ?? 0) + 1;
      sequences.set(sequence, next);
      return next;
    },
  };

  return {
    tx,
    touched,
    collect() {
      const sequences: StoreChange[] = [];
      for (const [vendor, tenants] of draft) {
        for (const [tenant, partition] of tenants) {
          for (const [name, value] of partition.sequences) sequences.push({ kind: 'sequence', vendor, tenant, sequence: name, value });
        }
      }
      return [...changes, ...sequences];
    },
    end() {
      open = false;
    },
  };
}
