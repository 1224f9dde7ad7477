import type { Adapter } from 'lowdb';
import type { StoreData } from './types.js';

/**
 * Where the store's data lives: lowdb's two-method adapter (`read`, `write`), so lowdb's own adapters
 * and ours are interchangeable and wrap each other (`createCountingAdapter(createJsonFileAdapter(file))`).
 *
 * Contract, which the store relies on:
 * - `read()` gives `null` when nothing is stored yet, valid `StoreData` otherwise, and throws
 *   (`StoreOpenError`) rather than return something it could not read: the store never overwrites data it did not load.
 * - `write(data)` resolves only once `data` is durable. The store calls it one at a time (group commit),
 *   so an adapter needs no queue of its own.
 * - `data` is a fresh snapshot per write and must not be mutated. Its records are frozen and shared
 *   between snapshots: a record that did not change is the same object in the next snapshot. That is the
 *   hook for an append-only log adapter: it can diff two snapshots by reference (cheap) and append only
 *   the changed records, compacting in the background, without any change to the store or its callers.
 */
export type StoreAdapter = Adapter<StoreData>;
