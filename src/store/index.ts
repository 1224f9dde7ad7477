export { createStore, StoreOpenError, type StoreOptions } from './create-store.js';
export type { Partition, Store, StoreData, StoreTransaction } from './types.js';
export { FixtureError, loadFixtures, mergeFixtureDocument, type Fixtures } from './load-fixtures.js';
