import type { StoreChange } from '../state/store-change.js';
import type { StoreState } from '../state/store-state.js';
import type { SharedFixtures, SharedJournal } from '../types.js';

/** What one run of a transaction (or a reset) decided: its changes in order, not yet applied, and its result. */
export interface Decision<R> {
  changes: StoreChange[];
  /**
   * The partitions it read or changed (`partitionKey`), or `all` for a reset of more than one partition: what a
   * backend shared by several processes must hold exclusively while it runs and commits.
   */
  partitions: ReadonlySet<string> | 'all';
  result: R;
}

/**
 * Where the store's state lives and how a change becomes durable: the one interface every backend implements
 * (a file with its log, memory, any lowdb adapter, PostgreSQL). The store keeps the state in memory and serves
 * reads from it; the backend loads it, keeps it current and commits changes to it.
 */
export interface StoreBackend {
  /** The state as last made durable; throws `StoreOpenError` (nothing is overwritten) when it cannot be read. */
  load(): Promise<StoreState>;
  /**
   * Brings `state` up to date with changes other processes committed since, before a request is handled; a
   * backend only this process writes resolves at once. Throws `StoreUnavailableError` when the source cannot be reached.
   */
  refresh(state: StoreState): Promise<void>;
  /**
   * Runs `decide` against a current `state` with the exclusive right to the partitions it touches, makes its changes
   * durable, applies them to `state` and resolves with its result only then. `decide` is synchronous and free of
   * side effects outside its transaction, so a shared backend may run it again (after taking its locks): only the
   * last run counts. Throws `StoreWriteError` when the changes could not be kept (nothing of them was acknowledged).
   */
  commit<R>(state: StoreState, decide: () => Decision<R>): Promise<R>;
  /** The journal shared with the other processes on this backend, if it is shared. */
  readonly journal?: SharedJournal;
  /** The fixtures shared with the other processes on this backend, if they are shared. */
  readonly fixtures?: SharedFixtures;
  /** Called once, after the last commit: compacts and releases files or connections. */
  close(state: StoreState): Promise<void>;
}
