import { Low } from 'lowdb';
import type { StoreAdapter } from './adapter.js';
import type { StorePersistence } from './store-persistence.js';
import { toPlainStoreData, toStoreState } from '../state/store-state.js';
import { STORE_DATA_VERSION, type StoreData } from '../types.js';

/** Persistence through any lowdb adapter: every write hands it a fresh snapshot of the whole state (memory, or a custom adapter). */
export function createSnapshotPersistence(adapter: StoreAdapter): StorePersistence {
  const db = new Low<StoreData>(adapter, { version: STORE_DATA_VERSION, vendors: {} });
  return {
    async load() {
      await db.read();
      return toStoreState(db.data);
    },
    write(_changes, state) {
      db.data = toPlainStoreData(state);
      return db.write();
    },
    async close() {},
  };
}
