export type { StoreAdapter } from './persistence/adapter.js';
export { createStore, type StoreOptions } from './create-store.js';
export { FixtureError } from './fixtures/fixture-error.js';
export type { FixtureRecord, Fixtures } from './fixtures/fixture-types.js';
export { createJsonFileAdapter } from './persistence/json-file-adapter.js';
export { loadFixtures } from './fixtures/load-fixtures.js';
export { createMemoryAdapter } from './persistence/memory-adapter.js';
export { mergeFixtureDocument } from './fixtures/merge-fixture-document.js';
export { StoreOpenError } from './persistence/store-open-error.js';
export { StoreWriteError } from './persistence/store-write-error.js';
export { StoreUnavailableError } from './persistence/store-unavailable-error.js';
export type { Decision, StoreBackend } from './persistence/store-backend.js';
export {
  STORE_DATA_VERSION,
  type Partition,
  type PageRange,
  type ResetScope,
  type SortedPage,
  type Store,
  type StoredRecord,
  type StoreData,
  type StoreTransaction,
  type SharedFixtures,
  type SharedJournal,
  type SharedJournalRow,
} from './types.js';
