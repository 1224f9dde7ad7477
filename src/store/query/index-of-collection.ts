import { createCollectionIndex, type CollectionIndex } from './collection-index.js';

/** The indexes of each collection (its records' `Map`), made on first query: a collection dropped by a reset takes its indexes along. */
const indexes = new WeakMap<ReadonlyMap<string, unknown>, CollectionIndex>();

/** The indexes of `records`, created on first use. */
export function collectionIndexOf(records: ReadonlyMap<string, unknown>): CollectionIndex {
  let index = indexes.get(records);
  if (index === undefined) indexes.set(records, (index = createCollectionIndex(records)));
  return index;
}

/** Keeps the indexes of `records`, if any were made, up to date with one change. */
export function noteRecordChange(records: ReadonlyMap<string, unknown>, id: string, before: unknown, after: unknown): void {
  indexes.get(records)?.update(id, before, after);
}
