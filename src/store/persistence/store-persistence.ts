import type { StoreChange } from '../state/store-change.js';
import type { StoreState } from '../state/store-state.js';

/**
 * The durable half of a backend only this process writes (`createLocalBackend`): a snapshot adapter, a snapshot
 * plus an append-only log, or nothing (memory).
 */
export interface StorePersistence {
  /** The state as last made durable. */
  load(): Promise<StoreState>;
  /**
   * Makes `changes` durable; resolves only once they are. `state` already holds them (and every earlier change),
   * for a persistence that rewrites everything. Called one at a time (group commit).
   */
  write(changes: readonly StoreChange[], state: StoreState): Promise<void>;
  /** Called once, after the last write: a chance to compact and release files. */
  close(state: StoreState): Promise<void>;
}
