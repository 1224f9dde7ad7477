import { compareSortValues } from './compare-sort-values.js';
import { valuesAtPath } from './values-at-path.js';
import { parseStored, peekRecordOf, recordOf, type StoredText } from '../state/record-text.js';

/** A record's value at a sort path and its place in the collection (its insertion sequence). */
interface SortEntry {
  value: unknown;
  seq: number;
}

/** One sort path: records with a value there in sort order (ties by place), and the places of those without one. */
interface SortedPath {
  present: SortEntry[];
  missing: number[];
}

/**
 * Indexes over one collection, built per path on first use and kept up to date by `update` on every change, so
 * a lookup or a sorted page costs what it returns, not what the collection holds. Places are insertion sequences:
 * a new id gets the next one, a changed record keeps its own, as the collection's order does.
 */
export interface CollectionIndex {
  /**
   * Ids of records with some value at `path` (see `valuesAtPath`) equal (SameValueZero) to one of `values`, in
   * collection order; only `limit` of them from `offset` when `page` is given.
   */
  findBy(path: string, values: readonly unknown[], page?: { offset: number; limit: number }): string[];
  /** How many records `findBy` would give. */
  countBy(path: string, values: readonly unknown[]): number;
  /** Ids ordered by their first value at `path` (`compareSortValues`; ties and descending keep collection order; missing last), `limit` from `offset`. */
  sortedIds(path: string, descending: boolean, offset: number, limit: number): string[];
  /** Records a change (the texts of the record): `before` undefined for a new id, `after` undefined for a deleted one. */
  update(id: string, before: StoredText | undefined, after: StoredText | undefined): void;
}

/** The first place in `sorted` whose value is not below `seq`. */
function lowerBound(sorted: readonly number[], seq: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

const compareEntries = (a: SortEntry, b: SortEntry) => compareSortValues(a.value, b.value) || a.seq - b.seq;

/** The first place in `entries` not before `entry`. */
function entryBound(entries: readonly SortEntry[], entry: SortEntry): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareEntries(entries[middle]!, entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The values of a record an equality lookup can find: everything at `path` that is not an object. */
const keysAt = (record: unknown, path: string): Set<unknown> =>
  record === undefined ? new Set() : new Set(valuesAtPath(record, path).filter((value) => typeof value !== 'object' || value === null));

/** The value a sort by `path` orders a record by, or `undefined`. */
const sortValueAt = (record: unknown, path: string): unknown => valuesAtPath(record, path)[0];

const insertSeq = (sorted: number[], seq: number) => sorted.splice(lowerBound(sorted, seq), 0, seq);
const removeSeq = (sorted: number[], seq: number) => {
  const at = lowerBound(sorted, seq);
  if (sorted[at] === seq) sorted.splice(at, 1);
};

/** A record's value for building an index: parsed and dropped again, so a build over the whole collection leaves the read cache alone. */
const parsedForBuild = parseStored;

/** Builds the (still empty) indexes of `records` (texts by id), numbering them in their current order. */
export function createCollectionIndex(records: ReadonlyMap<string, StoredText>): CollectionIndex {
  const seqOf = new Map<string, number>();
  const idOf = new Map<number, string>();
  let nextSeq = 0;
  for (const id of records.keys()) {
    seqOf.set(id, nextSeq);
    idOf.set(nextSeq, id);
    nextSeq += 1;
  }
  const equality = new Map<string, Map<unknown, number[]>>();
  const sorted = new Map<string, SortedPath>();

  const equalityOf = (path: string) => {
    let postings = equality.get(path);
    if (postings !== undefined) return postings;
    equality.set(path, (postings = new Map<unknown, number[]>()));
    for (const [id, text] of records) {
      const seq = seqOf.get(id)!;
      for (const key of keysAt(parsedForBuild(text), path)) {
        const list = postings.get(key);
        if (list === undefined) postings.set(key, [seq]);
        else list.push(seq); // records are walked in place order, so each list stays sorted
      }
    }
    return postings;
  };
  const sortedOf = (path: string) => {
    let index = sorted.get(path);
    if (index !== undefined) return index;
    index = { present: [], missing: [] };
    for (const [id, text] of records) {
      const value = sortValueAt(parsedForBuild(text), path);
      if (value === undefined) index.missing.push(seqOf.get(id)!);
      else index.present.push({ value, seq: seqOf.get(id)! });
    }
    index.present.sort(compareEntries);
    sorted.set(path, index);
    return index;
  };
  const seqsFor = (path: string, values: readonly unknown[]): number[] => {
    const postings = equalityOf(path);
    const lists: number[][] = [];
    for (const value of new Set(values)) {
      const list = postings.get(value);
      if (list !== undefined) lists.push(list);
    }
    if (lists.length <= 1) return lists[0] ?? [];
    // A record may hold several of the values (an array path): merged in place order, once each.
    return [...new Set(lists.flat())].sort((a, b) => a - b);
  };

  /** Moves one record's place in every index built so far. */
  const updatePaths = (seq: number, beforeText: StoredText | undefined, afterText: StoredText | undefined) => {
    // The new record is the one a read is likely to ask for next: parsed into the cache; the old one only looked at.
    const before = beforeText === undefined ? undefined : peekRecordOf(beforeText);
    const after = afterText === undefined ? undefined : recordOf(afterText);
    for (const [path, postings] of equality) {
      const old = keysAt(before, path);
      const next = keysAt(after, path);
      for (const key of old) {
        if (next.has(key)) continue;
        const list = postings.get(key)!;
        removeSeq(list, seq);
        if (list.length === 0) postings.delete(key);
      }
      for (const key of next) {
        if (old.has(key)) continue;
        const list = postings.get(key);
        if (list === undefined) postings.set(key, [seq]);
        else insertSeq(list, seq);
      }
    }
    for (const [path, index] of sorted) {
      if (before !== undefined) {
        const value = sortValueAt(before, path);
        if (value === undefined) removeSeq(index.missing, seq);
        else {
          const at = entryBound(index.present, { value, seq });
          if (index.present[at]?.seq === seq) index.present.splice(at, 1);
        }
      }
      if (after !== undefined) {
        const value = sortValueAt(after, path);
        if (value === undefined) insertSeq(index.missing, seq);
        else index.present.splice(entryBound(index.present, { value, seq }), 0, { value, seq });
      }
    }
  };

  return {
    findBy(path, values, page) {
      const seqs = seqsFor(path, values);
      return (page === undefined ? seqs : seqs.slice(page.offset, page.offset + page.limit)).map((seq) => idOf.get(seq)!);
    },
    countBy: (path, values) => seqsFor(path, values).length,
    sortedIds(path, descending, offset, limit) {
      const { present, missing } = sortedOf(path);
      const end = offset + limit;
      const seqs: number[] = [];
      let position = offset;
      const last = present.length - 1;
      while (position < end && position < present.length) {
        if (!descending) {
          seqs.push(present[position]!.seq);
          position += 1;
          continue;
        }
        // Descending: runs of equal values from the top, each run still in place order.
        const at = last - position;
        let runStart = at;
        let runEnd = at;
        while (runStart > 0 && compareSortValues(present[runStart - 1]!.value, present[at]!.value) === 0) runStart -= 1;
        while (runEnd < last && compareSortValues(present[runEnd + 1]!.value, present[at]!.value) === 0) runEnd += 1;
        for (let k = runStart + (position - (last - runEnd)); k <= runEnd && position < end; k += 1, position += 1) seqs.push(present[k]!.seq);
      }
      for (; position < end && position - present.length < missing.length; position += 1) seqs.push(missing[position - present.length]!);
      return seqs.map((seq) => idOf.get(seq)!);
    },
    update(id, beforeText, afterText) {
      let seq = seqOf.get(id);
      if (seq === undefined) {
        seq = nextSeq;
        nextSeq += 1;
        seqOf.set(id, seq);
        idOf.set(seq, id);
      }
      if (equality.size > 0 || sorted.size > 0) updatePaths(seq, beforeText, afterText);
      if (afterText === undefined) {
        seqOf.delete(id);
        idOf.delete(seq);
      }
    },
  };
}
