import type { StoreAdapter, StoreData } from '../../src/store/index.js';

/** A real adapter that wraps another and records its writes: how many, how many at once, and what each held. */
export interface CountingAdapter extends StoreAdapter {
  /** Snapshots of the writes that completed, in order. */
  readonly completed: StoreData[];
  /** The most writes ever in flight at the same time. */
  readonly maxInFlight: number;
}

export function createCountingAdapter(inner: StoreAdapter): CountingAdapter {
  const completed: StoreData[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    completed,
    get maxInFlight() {
      return maxInFlight;
    },
    read: () => inner.read(),
    async write(data) {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await inner.write(data);
        completed.push(data);
      } finally {
        inFlight -= 1;
      }
    },
  };
}

/** The ids of one collection in a snapshot. */
export function idsIn(data: StoreData | undefined, vendor: string, tenant: string, collection: string): string[] {
  const tenants = data !== undefined && Object.hasOwn(data.vendors, vendor) ? data.vendors[vendor]! : {};
  const partition = Object.hasOwn(tenants, tenant) ? tenants[tenant]! : undefined;
  const records = partition !== undefined && Object.hasOwn(partition.collections, collection) ? partition.collections[collection]! : [];
  return records.map(([id]) => id);
}
