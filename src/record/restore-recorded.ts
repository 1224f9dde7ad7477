import type { VendorPlugin } from '../core/vendor-plugin.js';
import type { Fixtures, Store } from '../store/index.js';

/**
 * Stores the records that recorded fixtures stand for (a recorded return becomes a stored one), each only where the
 * store has none under its id: a persistent store keeps the changes a client made to it across restarts.
 * Resolves to how many records were added.
 */
export async function restoreRecorded(store: Store, plugins: readonly VendorPlugin[], fixtures: Fixtures): Promise<number> {
  const restored = plugins.flatMap((plugin) => {
    const own = fixtures[plugin.id];
    const recording = plugin.recording;
    if (own === undefined || recording?.restore === undefined) return [];
    return recording.restore((collection) => (Object.hasOwn(own, collection) ? own[collection]! : [])).map((record) => ({ vendor: plugin.id, ...record }));
  });
  if (restored.length === 0) return 0;
  return store.transact((tx) => {
    let added = 0;
    for (const { vendor, tenant, collection, id, record } of restored) {
      if (tx.get(vendor, tenant, collection, id) !== undefined) continue;
      tx.put(vendor, tenant, collection, id, record);
      added += 1;
    }
    return added;
  });
}
