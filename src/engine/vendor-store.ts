import type { VendorStore } from '../core/vendor-plugin.js';
import type { Store } from '../store/index.js';

/** Binds the store to one vendor, so a plugin can only reach its own partitions. */
export function createVendorStore(store: Store, vendor: string): VendorStore {
  return {
    get: (tenant, collection, id) => store.get(vendor, tenant, collection, id),
    list: (tenant, collection) => store.list(vendor, tenant, collection),
    count: (tenant, collection) => store.count(vendor, tenant, collection),
    findBy: (tenant, collection, path, values, page) => store.findBy(vendor, tenant, collection, path, values, page),
    countBy: (tenant, collection, path, values) => store.countBy(vendor, tenant, collection, path, values),
    listSorted: (tenant, collection, path, page) => store.listSorted(vendor, tenant, collection, path, page),
    transact: (change) =>
      store.transact((tx) =>
        change({
          get: (tenant, collection, id) => tx.get(vendor, tenant, collection, id),
          put: (tenant, collection, id, record) => tx.put(vendor, tenant, collection, id, record),
          delete: (tenant, collection, id) => tx.delete(vendor, tenant, collection, id),
          nextId: (tenant, sequence) => tx.nextId(vendor, tenant, sequence),
        }),
      ),
  };
}
