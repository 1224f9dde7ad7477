import { createCollectionIndex, type CollectionIndex } from './collection-index.js';
import type { StoredText } from '../state/record-text.js';

/** The indexes of each collection (its records' texts by id), made on first query: a collection dropped by a reset takes its indexes along. */
const indexes = new WeakMap<ReadonlyMap<string, StoredText>, CollectionIndex>();

/** The indexes of `records`, created on first use. */
export function collectionIndexOf(records: ReadonlyMap<string, StoredText>): CollectionIndex {
  let index = indexes.get(records);
  if (index === undefined) indexes.set(records, (index = createCollectionIndex(records)));
  return index;
}

/** Keeps the indexes of `records`, if any were made, up to date with one change. */
export function noteRecordChange(records: ReadonlyMap<string, StoredText>, id: string, before: StoredText | undefined, after: StoredText | undefined): void {
  indexes.get(records)?.update(id, before, after);
}
