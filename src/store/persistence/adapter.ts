import type { Adapter } from 'lowdb';
import type { StoreData } from '../types.js';

/**
 * Where the store's data lives: lowdb's two-method adapter (`read`, `write`), so lowdb's own adapters
 * and ours are interchangeable and wrap each other (`createCountingAdapter(createJsonFileAdapter(file))`).
 *
 * Contract, which the store relies on:
 * - `read()` gives `null` when nothing is stored yet, valid `StoreData` otherwise, and throws
 *   (`StoreOpenError`) rather than return something it could not read: the store never overwrites data it did not load.
 * - `write(data)` resolves only once `data` is durable. The store calls it one at a time (group commit),
 *   so an adapter needs no queue of its own.
 * - `data` is a fresh snapshot per write and must not be mutated; its records are frozen and shared with the store.
 *
 * A store opened on a file (`{ file }`) does not rewrite the whole state per write: it keeps an append-only log
 * beside a snapshot that this adapter interface writes (`log-persistence.ts`).
 */
export type StoreAdapter = Adapter<StoreData>;
