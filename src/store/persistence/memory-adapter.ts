import { Memory } from 'lowdb';
import type { StoreAdapter } from './adapter.js';
import type { StoreData } from '../types.js';

/** Keeps the store in memory only (lowdb's `Memory`): nothing touches the disk, a restart starts empty. */
export function createMemoryAdapter(): StoreAdapter {
  return new Memory<StoreData>();
}
