import { applyChange } from '../state/apply-change.js';
import type { StoreChange } from '../state/store-change.js';
import { createGroupCommit } from './group-commit.js';
import type { StoreBackend } from './store-backend.js';
import type { StorePersistence } from './store-persistence.js';
import { StoreWriteError } from './store-write-error.js';

/**
 * A backend only this process writes (a file and its log, memory, a lowdb adapter): `decide` runs once, at once
 * (one thread: nothing else changes the state meanwhile), its changes go into memory and every commit waiting at
 * that moment shares the next write (group commit), after which it resolves.
 */
export function createLocalBackend(persistence: StorePersistence): StoreBackend {
  /** Changes applied to the state and not yet handed to a write. */
  let pending: StoreChange[] = [];
  let current: Parameters<StorePersistence['write']>[1] | undefined;
  // A write takes the pending changes when it starts, so it holds every change applied before that moment.
  const commits = createGroupCommit(() => {
    const changes = pending;
    pending = [];
    return persistence.write(changes, current!).catch((error: unknown) => {
      throw new StoreWriteError({ cause: error });
    });
  });
  return {
    async load() {
      current = await persistence.load();
      return current;
    },
    refresh: () => Promise.resolve(undefined),
    commit(state, decide) {
      const { changes, result } = decide();
      for (const change of changes) {
        applyChange(state, change);
        pending.push(change);
      }
      return commits.commit().then(() => result);
    },
    async close(state) {
      await commits.flush();
      await persistence.close(state);
    },
  };
}
