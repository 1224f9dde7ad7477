import type { StoreChange } from './store-change.js';
import type { StoreState } from './store-state.js';

/** How the store keeps its state on disk (or not): a snapshot adapter, or a snapshot plus an append-only log. */
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
