import type { StorePersistence } from './store-persistence.js';

/** Persistence of `--in-memory`: nothing leaves the process, so a write has nothing to wait for and costs nothing. */
export function createMemoryPersistence(): StorePersistence {
  return {
    load: async () => new Map(),
    write: async () => undefined,
    close: async () => undefined,
  };
}
