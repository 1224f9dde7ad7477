import { createDictionary } from './create-dictionary.js';
import { JsonText, textOf, toRecordText, type StoredText } from './record-text.js';
import { STORE_DATA_VERSION, type Partition, type StoreData, type StoredRecord } from '../types.js';

/**
 * One partition in memory: `Map`s keep insertion order for every key and cannot be polluted. Each record is kept as
 * its JSON text (see `record-text.ts`), parsed when a read hands it out.
 */
export interface PartitionState {
  collections: Map<string, Map<string, StoredText>>;
  sequences: Map<string, number>;
}

/** The store in memory: vendor → tenant → partition. */
export type StoreState = Map<string, Map<string, PartitionState>>;

/** The partition of (vendor, tenant), if it holds anything. */
export function findPartition(state: StoreState, vendor: string, tenant: string): PartitionState | undefined {
  return state.get(vendor)?.get(tenant);
}

/** The partition of (vendor, tenant), created when missing. */
export function ensurePartition(state: StoreState, vendor: string, tenant: string): PartitionState {
  let tenants = state.get(vendor);
  if (tenants === undefined) state.set(vendor, (tenants = new Map<string, PartitionState>()));
  let partition = tenants.get(tenant);
  if (partition === undefined) tenants.set(tenant, (partition = { collections: new Map(), sequences: new Map() }));
  return partition;
}

/** Drops the partition (and its vendor) once nothing is left in it, so dumps stay free of empty shells. */
export function prunePartition(state: StoreState, vendor: string, tenant: string): void {
  const tenants = state.get(vendor);
  const partition = tenants?.get(tenant);
  if (partition !== undefined && partition.collections.size === 0 && partition.sequences.size === 0) tenants!.delete(tenant);
  if (tenants !== undefined && tenants.size === 0) state.delete(vendor);
}

/** The in-memory form of checked data: a record a snapshot reader kept as text (`JsonText`) is taken as it is, any other is encoded. */
export function toStoreState(data: StoreData): StoreState {
  const state: StoreState = new Map();
  for (const [vendor, tenants] of Object.entries(data.vendors)) {
    for (const [tenant, partition] of Object.entries(tenants)) {
      const target = ensurePartition(state, vendor, tenant);
      for (const [name, records] of Object.entries(partition.collections)) {
        if (records.length > 0) target.collections.set(name, new Map(records.map(([id, record]) => [id, record instanceof JsonText ? record.text : toRecordText(record)])));
      }
      for (const [name, value] of Object.entries(partition.sequences)) target.sequences.set(name, value);
      prunePartition(state, vendor, tenant);
    }
  }
  return state;
}

/** A snapshot for the store's own file: fresh containers, prototype-free, each record its text (`JsonText`), nothing parsed. */
export function toStoreData(state: StoreState): StoreData {
  const vendors = createDictionary<Record<string, Partition>>();
  for (const [vendor, tenants] of state) {
    const target = (vendors[vendor] = createDictionary<Partition>());
    for (const [tenant, partition] of tenants) {
      const collections = createDictionary<StoredRecord[]>();
      for (const [name, records] of partition.collections) collections[name] = Array.from(records, ([id, text]): StoredRecord => [id, new JsonText(text)]);
      const sequences = createDictionary<number>();
      for (const [name, value] of partition.sequences) sequences[name] = value;
      target[tenant] = { collections, sequences };
    }
  }
  return { version: STORE_DATA_VERSION, vendors };
}

/** A snapshot as plain JSON data, every record parsed anew: for `dump()` and for lowdb adapters that are not ours. */
export const toPlainStoreData = (state: StoreState): StoreData => JSON.parse(encodeStoreData(toStoreData(state))) as StoreData;

/**
 * The JSON text of `data` (and any further members, such as a snapshot's `logBatch`), with each `JsonText` record
 * spliced in as it is: what `JSON.stringify` would give for parsed records, without parsing one.
 */
export function encodeStoreData(data: StoreData): string {
  const quote = (text: string) => JSON.stringify(text);
  const list = <T>(items: Iterable<T>, encode: (item: T) => string, open: string, close: string) => `${open}${Array.from(items, encode).join(',')}${close}`;
  const encodeRecord = ([id, record]: StoredRecord) => `[${quote(id)},${record instanceof JsonText ? textOf(record.text) : JSON.stringify(record)}]`;
  const encodePartition = ({ collections, sequences }: Partition) =>
    `{"collections":${list(Object.entries(collections), ([name, records]) => `${quote(name)}:${list(records, encodeRecord, '[', ']')}`, '{', '}')},"sequences":${JSON.stringify(sequences)}}`;
  const vendors = list(
    Object.entries(data.vendors),
    ([vendor, tenants]) => `${quote(vendor)}:${list(Object.entries(tenants), ([tenant, partition]) => `${quote(tenant)}:${encodePartition(partition)}`, '{', '}')}`,
    '{',
    '}',
  );
  const further = Object.entries(data)
    .filter(([key]) => key !== 'version' && key !== 'vendors')
    .map(([key, value]) => `,${quote(key)}:${JSON.stringify(value)}`);
  return `{"version":${JSON.stringify(data.version)},"vendors":${vendors}${further.join('')}}`;
}
