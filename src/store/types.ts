import type { Fixtures } from './fixtures/fixture-types.js';

/** The on-disk format this build reads and writes; a file of another version is refused, never rewritten. */
export const STORE_DATA_VERSION = 2;

/**
 * One stored record: its id and its JSON value. Collections are lists of these rather than objects
 * keyed by id, because JavaScript orders integer-like keys ("2" before "10", before "abc") and the
 * store promises insertion order.
 */
export type StoredRecord = [id: string, record: unknown];

/** One tenant's data for one vendor, as adapters read and write it: collections in insertion order and id sequences. */
export interface Partition {
  collections: Record<string, StoredRecord[]>;
  sequences: Record<string, number>;
}

/** Everything the store holds: what adapters read and write and what `Store.dump()` returns. */
export interface StoreData {
  version: typeof STORE_DATA_VERSION;
  /** vendor → tenant → partition. */
  vendors: Record<string, Record<string, Partition>>;
}

/** Which data `Store.reset` clears: everything (no vendor), one vendor, or one vendor's tenant. A tenant without a vendor is refused. */
export interface ResetScope {
  vendor?: string;
  tenant?: string;
}

/** A range of a read's results: `limit` records from `offset`. */
export interface PageRange {
  offset: number;
  limit: number;
}

/** Which page `Store.listSorted` gives: a range, in ascending or descending order. */
export interface SortedPage extends PageRange {
  descending: boolean;
}

/**
 * Changes made inside `Store.transact`. Reads see the transaction's own changes and return copies;
 * every method throws once the transaction's function has returned.
 */
export interface StoreTransaction {
  /** A record as this transaction sees it (a copy), or `undefined`. */
  get<T>(vendor: string, tenant: string, collection: string, id: string): T | undefined;
  /** A collection as this transaction sees it, in insertion order (copies). */
  list<T>(vendor: string, tenant: string, collection: string): T[];
  /** Stores a JSON copy of `record` under `id`: a new id goes last, a known id keeps its place. */
  put(vendor: string, tenant: string, collection: string, id: string, record: unknown): void;
  /** Removes a record; `true` when there was one. */
  delete(vendor: string, tenant: string, collection: string, id: string): boolean;
  /** The next number of a partition's sequence (1, 2, 3…), never handed out twice, even across restarts. */
  nextId(vendor: string, tenant: string, sequence: string): number;
}

/**
 * The vendor-facing store. Every call names vendor and tenant; no call reads across partitions
 * except `dump`. `get` returns a copy, so a caller can change what it got without touching the store; `list` gives the frozen records.
 */
export interface Store {
  /** One record (a copy), or `undefined` when there is none. */
  get<T>(vendor: string, tenant: string, collection: string, id: string): T | undefined;
  /**
   * A collection's records in insertion order; `[]` when empty. Deeply frozen (a change throws) and shared with other
   * reads through the store's parse cache: a list reads many records and usually hands out few, so copying each would be wasted work.
   */
  list<T>(vendor: string, tenant: string, collection: string): ReadonlyArray<Readonly<T>>;
  /** How many records a collection holds. */
  count(vendor: string, tenant: string, collection: string): number;
  /**
   * The records with some value at the dotted `path` (stepping into arrays) equal to one of `values`, in insertion
   * order, frozen as `list` gives them; only the `page` range of them if given. Indexed: built on first use, kept up
   * to date on every write, so it costs what it returns.
   */
  findBy<T>(vendor: string, tenant: string, collection: string, path: string, values: readonly unknown[], page?: PageRange): ReadonlyArray<Readonly<T>>;
  /** How many records `findBy` would give, without reading them. */
  countBy(vendor: string, tenant: string, collection: string, path: string, values: readonly unknown[]): number;
  /**
   * One page of a collection ordered by the first value at `path` (numbers by value before strings by text; ties and
   * `descending` keep insertion order; records without a value last), frozen. Indexed like `findBy`.
   */
  listSorted<T>(vendor: string, tenant: string, collection: string, path: string, page: SortedPage): ReadonlyArray<Readonly<T>>;
  /**
   * Runs `change` synchronously and all-or-nothing, then resolves with its result once a write containing it
   * is done. If `change` throws (or returns a promise), nothing of it is kept and the promise rejects.
   * @example const id = await store.transact((tx) => { const n = tx.nextId('jtl', t, 'returns'); tx.put('jtl', t, 'returns', String(n), { id: n }); return n; });
   */
  transact<R>(change: (tx: StoreTransaction) => R): Promise<R>;
  /**
   * Brings the reads up to date with what other processes committed (a backend shared by several replicas;
   * others resolve at once): called before each request is handled. Rejects with `StoreUnavailableError`.
   */
  refresh(): Promise<void>;
  /** Clears everything, one vendor or one vendor's tenant (sequences restart at 1); resolves once written. */
  reset(scope?: ResetScope): Promise<void>;
  /** The journal shared by every replica, when the backend is shared (PostgreSQL); `undefined` when this process is alone. */
  readonly sharedJournal?: SharedJournal;
  /** The fixtures shared by every replica, when the backend is shared (PostgreSQL); `undefined` when this process is alone. */
  readonly sharedFixtures?: SharedFixtures;
  /** A deep copy of everything (for `GET /__admin/state`). */
  dump(): StoreData;
  /** Waits for every pending write; afterwards reads still work and changes are refused. */
  close(): Promise<void>;
}

/** One row of a journal shared by replicas: an entry (as JSON data), or `null` where the journal was cleared. */
export interface SharedJournalRow {
  position: number;
  entry: unknown;
}

/**
 * The journal every replica on one shared backend writes and reads, so a report on any replica covers the traffic
 * of all. Its entries are opaque JSON to the store.
 */
export interface SharedJournal {
  /**
   * Queues an entry and resolves once a write holding it committed (entries queued meanwhile share one write), so the
   * answer it describes can wait for it. Rejects with `StoreUnavailableError`; the entry then stays queued for the next write.
   */
  append(entry: unknown): Promise<void>;
  /** Marks a clear: every replica forgets the entries before it. Resolves once written. */
  clear(): Promise<void>;
  /** This process's queued entries written, the rows after `position`, oldest first. Rejects with `StoreUnavailableError`. */
  read(after: number): Promise<SharedJournalRow[]>;
}

/**
 * The reference data every replica on one shared backend reads, kept in the database: posted fixtures reach every
 * replica, and a replica started with other fixture files replaces them for all.
 */
export interface SharedFixtures {
  /**
   * At start: when `fixtures` (loaded from this replica's files) differ from the files the database's fixtures were
   * last loaded from, they replace them for every replica; else `fixtures` becomes the database's (with anything posted
   * since). From then on `fixtures` follows the database in place. Rejects with `StoreUnavailableError`.
   */
  adopt(fixtures: Fixtures): Promise<void>;
  /** Appends records to collections for every replica (as `POST /__admin/fixtures`); resolves once committed and applied here. */
  add(additions: Fixtures): Promise<void>;
}
