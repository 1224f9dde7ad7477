import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { createDictionary, toDictionary } from './dictionary.js';
import type { Partition, Store, StoreData, StoreTransaction } from './types.js';

export type StoreOptions = { file: string } | { inMemory: true };

export class StoreOpenError extends Error {
  constructor(file: string, reason: string) {
    super(`cannot open the store ${file}: ${reason}`);
    this.name = 'StoreOpenError';
  }
}

const emptyData = (): StoreData => ({ version: 1, vendors: createDictionary() });

function normalise(raw: unknown, file: string): StoreData {
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1) {
    throw new StoreOpenError(file, 'it is not a returns-mock store (version 1); move it away or pass another --db');
  }
  const vendors = toDictionary<Record<string, Partition>>((raw as StoreData).vendors, 1);
  for (const vendor of Object.keys(vendors)) {
    const tenants = toDictionary<Partition>(vendors[vendor], 1);
    for (const tenant of Object.keys(tenants)) {
      const partition = tenants[tenant]!;
      tenants[tenant] = { collections: toDictionary(partition.collections, 2), sequences: toDictionary(partition.sequences, 1) };
    }
    vendors[vendor] = tenants;
  }
  return { version: 1, vendors };
}

/**
 * Opens the store: one JSON file written atomically by lowdb (temp file + rename), or memory only.
 * Transactions apply at once in memory (Node runs one at a time, so no update is lost) and are
 * group-committed: while one write is on its way, later transactions wait for the next single write.
 */
export async function createStore(options: StoreOptions): Promise<Store> {
  const file = 'file' in options ? path.resolve(options.file) : '(memory)';
  let db: Low<StoreData>;
  if ('file' in options) {
    await mkdir(path.dirname(file), { recursive: true });
    db = new Low<StoreData>(new JSONFile<StoreData>(file), emptyData());
    try {
      await db.read();
    } catch (error) {
      throw new StoreOpenError(file, (error as Error).message);
    }
    db.data = normalise(db.data, file);
  } else {
    db = new Low<StoreData>(new Memory<StoreData>(), emptyData());
  }

  let writing: Promise<void> | undefined;
  let waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  const startWrite = () => {
    const batch = waiting;
    waiting = [];
    writing = db.write().then(
      () => batch.forEach((w) => w.resolve()),
      (error: unknown) => batch.forEach((w) => w.reject(error)),
    );
    void writing.finally(() => {
      writing = undefined;
      if (waiting.length > 0) startWrite();
    });
  };
  const persist = () =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ resolve, reject });
      if (writing === undefined) startWrite();
    });

  const partition = (vendor: string, tenant: string, create: boolean): Partition | undefined => {
    const vendors = db.data.vendors;
    if (!Object.hasOwn(vendors, vendor)) {
      if (!create) return undefined;
      vendors[vendor] = createDictionary();
    }
    const tenants = vendors[vendor]!;
    if (!Object.hasOwn(tenants, tenant)) {
      if (!create) return undefined;
      tenants[tenant] = { collections: createDictionary(), sequences: createDictionary() };
    }
    return tenants[tenant];
  };
  const collection = (vendor: string, tenant: string, name: string, create: boolean) => {
    const p = partition(vendor, tenant, create);
    if (p === undefined) return undefined;
    if (!Object.hasOwn(p.collections, name)) {
      if (!create) return undefined;
      p.collections[name] = createDictionary();
    }
    return p.collections[name];
  };
  const read = <T>(vendor: string, tenant: string, name: string, id: string): T | undefined => {
    const records = collection(vendor, tenant, name, false);
    return records !== undefined && Object.hasOwn(records, id) ? (records[id] as T) : undefined;
  };

  return {
    get: (vendor, tenant, name, id) => structuredClone(read(vendor, tenant, name, id)),
    list: <T>(vendor: string, tenant: string, name: string) => structuredClone(Object.values(collection(vendor, tenant, name, false) ?? {})) as T[],
    count: (vendor, tenant, name) => Object.keys(collection(vendor, tenant, name, false) ?? {}).length,
    async transact(change) {
      const undo: Array<() => void> = [];
      const tx: StoreTransaction = {
        get: (vendor, tenant, name, id) => structuredClone(read(vendor, tenant, name, id)),
        put(vendor, tenant, name, id, record) {
          const records = collection(vendor, tenant, name, true)!;
          const had = Object.hasOwn(records, id);
          const before = records[id];
          records[id] = structuredClone(record);
          undo.push(() => (had ? (records[id] = before) : delete records[id]));
        },
        delete(vendor, tenant, name, id) {
          const records = collection(vendor, tenant, name, false);
          if (records === undefined || !Object.hasOwn(records, id)) return;
          const before = records[id];
          delete records[id];
          undo.push(() => (records[id] = before));
        },
        nextId(vendor, tenant, sequence) {
          const sequences = partition(vendor, tenant, true)!.sequences;
          const before = sequences[sequence];
          sequences[sequence] = (before ?? 0) + 1;
          undo.push(() => (before === undefined ? delete sequences[sequence] : (sequences[sequence] = before)));
          return sequences[sequence]!;
        },
      };
      let result: Awaited<ReturnType<typeof change>>;
      try {
        result = change(tx) as typeof result;
      } catch (error) {
        undo.reverse().forEach((step) => step());
        throw error;
      }
      await persist();
      return result;
    },
    async reset(scope = {}) {
      const vendors = db.data.vendors;
      if (scope.vendor === undefined) db.data = emptyData();
      else if (scope.tenant === undefined) delete vendors[scope.vendor];
      else if (Object.hasOwn(vendors, scope.vendor)) delete vendors[scope.vendor]![scope.tenant];
      await persist();
    },
    dump: () => structuredClone(db.data),
    async close() {
      while (writing !== undefined) await writing.catch(() => undefined);
    },
  };
}
