import { createDictionary } from './create-dictionary.js';
import { STORE_DATA_VERSION, type Partition, type StoreData, type StoredRecord } from '../types.js';

/**
 * One partition in memory: `Map`s keep insertion order for every key and cannot be polluted. Records are frozen, at
 * the latest when a read first hands them out (see `toStoreState`).
 */
export interface PartitionState {
  collections: Map<string, Map<string, unknown>>;
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

/**
 * The in-memory form of checked data, sharing its records with `data`. They are not frozen here: freezing 100,000
 * loaded records would cost start-up what a read that hands one out pays for once (`freezeOnRead`).
 */
export function toStoreState(data: StoreData): StoreState {
  const state: StoreState = new Map();
  for (const [vendor, tenants] of Object.entries(data.vendors)) {
    for (const [tenant, partition] of Object.entries(tenants)) {
      const target = ensurePartition(state, vendor, tenant);
      for (const [name, records] of Object.entries(partition.collections)) {
        if (records.length > 0) target.collections.set(name, new Map(records));
      }
      for (const [name, value] of Object.entries(partition.sequences)) target.sequences.set(name, value);
      prunePartition(state, vendor, tenant);
    }
  }
  return state;
}

/** A snapshot for adapters: fresh containers, prototype-free, sharing the frozen records with `state`. */
export function toStoreData(state: StoreState): StoreData {
  const vendors = createDictionary<Record<string, Partition>>();
  for (const [vendor, tenants] of state) {
    const target = (vendors[vendor] = createDictionary<Partition>());
    for (const [tenant, partition] of tenants) {
      const collections = createDictionary<StoredRecord[]>();
      for (const [name, records] of partition.collections) collections[name] = [...records];
      const sequences = createDictionary<number>();
      for (const [name, value] of partition.sequences) sequences[name] = value;
      target[tenant] = { collections, sequences };
    }
  }
  return { version: STORE_DATA_VERSION, vendors };
}
