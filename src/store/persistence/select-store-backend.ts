import type { StoreAdapter } from './adapter.js';
import { createLocalBackend } from './create-local-backend.js';
import { createLogPersistence } from './log-persistence.js';
import { createMemoryPersistence } from './memory-persistence.js';
import { createSnapshotPersistence } from './snapshot-persistence.js';
import type { StoreBackend } from './store-backend.js';

/**
 * Where the store keeps its data: a JSON snapshot file with an append-only log beside it (`file` and `file.log`),
 * memory only, any lowdb adapter (e.g. `createMemoryAdapter()`), which gets the whole state on every write,
 * a PostgreSQL database shared by several replicas (`postgres://USER@HOST/DB`), or any other `StoreBackend`.
 */
export type StoreOptions = { file: string } | { inMemory: true } | { adapter: StoreAdapter } | { postgres: string } | { backend: StoreBackend };

/** The backend the options name; each shorthand is one implementation of `StoreBackend`. */
export async function selectStoreBackend(options: StoreOptions): Promise<StoreBackend> {
  if ('backend' in options) return options.backend;
  if ('file' in options) return createLocalBackend(createLogPersistence(options.file));
  // Loaded only when asked for: a store on a file never loads the database driver.
  if ('postgres' in options) return (await import('./postgres/postgres-backend.js')).createPostgresBackend(options.postgres);
  if ('adapter' in options) return createLocalBackend(createSnapshotPersistence(options.adapter));
  return createLocalBackend(createMemoryPersistence());
}
