import type { StorePersistence } from './store-persistence.js';

/** Persistence of `--in-memory`: nothing leaves the process, so a write has nothing to wait for and costs nothing. */
export function createMemoryPersistence(): StorePersistence {
  return {
    load: () => Promise.resolve(new Map()),
    write: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
