/** Records of one collection, keyed by id. */
export type Collection = Record<string, unknown>;

/** One tenant's data for one vendor: collections of records and id sequences. */
export interface Partition {
  collections: Record<string, Collection>;
  sequences: Record<string, number>;
}

/** Everything the store holds, as written to its JSON file. */
export interface StoreData {
  version: 1;
  vendors: Record<string, Record<string, Partition>>;
}

/** Changes made inside `Store.transact`: applied in memory at once, durable when the transaction's promise resolves. */
export interface StoreTransaction {
  get<T>(vendor: string, tenant: string, collection: string, id: string): T | undefined;
  put(vendor: string, tenant: string, collection: string, id: string, record: unknown): void;
  delete(vendor: string, tenant: string, collection: string, id: string): void;
  /** The next number of a per-partition sequence: 1, 2, 3… */
  nextId(vendor: string, tenant: string, sequence: string): number;
}

export interface Store {
  get<T>(vendor: string, tenant: string, collection: string, id: string): T | undefined;
  /** A collection's records in insertion order. */
  list<T>(vendor: string, tenant: string, collection: string): T[];
  count(vendor: string, tenant: string, collection: string): number;
  /** Runs `change` atomically; resolves once its effect is on disk. If `change` throws, nothing of it is kept. */
  transact<R>(change: (tx: StoreTransaction) => R): Promise<R>;
  reset(scope?: { vendor?: string; tenant?: string }): Promise<void>;
  /** A deep copy of everything (for `GET /__admin/state`). */
  dump(): StoreData;
  close(): Promise<void>;
}
