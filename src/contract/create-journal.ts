import type { JournalEntry } from './journal-entry.js';

/** Which entries `GET /__admin/journal` returns. */
export interface JournalFilter {
  client?: string;
  vendor?: string;
  operationId?: string;
  violationsOnly?: boolean;
}

export interface Journal {
  /** Keeps an entry, dropping the oldest beyond either limit, and hands it to the sink. */
  append(entry: JournalEntry): void;
  /** The kept entries, oldest first. */
  list(filter?: JournalFilter): JournalEntry[];
  /** How many entries were dropped for the limits. */
  dropped(): number;
  clear(): void;
}

export interface JournalOptions {
  /** Most entries kept in memory (`--journal-limit`). */
  limit: number;
  /** Most memory the kept entries may hold, as {@link approximateEntryBytes} counts it (`--journal-limit-bytes`); the newest entry is always kept. */
  maxBytes?: number;
  /** Receives each entry as it is appended: the NDJSON file. */
  sink?: (entry: JournalEntry) => void;
}

/** Default `--journal-limit`: enough for a client's test run; each entry's body is bounded too. */
export const DEFAULT_JOURNAL_LIMIT = 1000;

/** Default `--journal-limit-bytes`: 32 MiB, room for the default 1,000 entries unless most carry bodies near the 16 KiB cut. */
export const DEFAULT_JOURNAL_LIMIT_BYTES = 32 * 1024 * 1024;

/** What a property and an object's own shape cost beside their contents: V8's pointer and header sizes, rounded up. */
const SLOT_BYTES = 8;
const OBJECT_BYTES = 32;

/**
 * The memory an entry holds, counted from above: two bytes a character for every text (V8 keeps ASCII in one),
 * a slot for every property and a header for every object. Bodies, cut at 16 KiB, are most of it.
 */
export function approximateEntryBytes(value: unknown): number {
  if (typeof value === 'string') return OBJECT_BYTES + 2 * value.length;
  if (value === null || typeof value !== 'object') return SLOT_BYTES;
  let bytes = OBJECT_BYTES;
  for (const [key, item] of Object.entries(value)) bytes += SLOT_BYTES + 2 * key.length + approximateEntryBytes(item);
  return bytes;
}

/** True when an entry passes a filter. */
export function matchesJournalFilter(entry: JournalEntry, filter: JournalFilter): boolean {
  return (
    (filter.client === undefined || entry.client === filter.client) &&
    (filter.vendor === undefined || entry.vendor === filter.vendor) &&
    (filter.operationId === undefined || entry.operationId === filter.operationId) &&
    (!filter.violationsOnly || entry.violations.length > 0)
  );
}

/** An in-memory journal bounded to `limit` entries and `maxBytes` of memory (a ring: the oldest go first). */
export function createJournal({ limit, maxBytes = DEFAULT_JOURNAL_LIMIT_BYTES, sink }: JournalOptions): Journal {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`journal limit must be a whole number of at least 1, not ${limit}`);
  if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new Error(`journal byte limit must be a whole number of at least 1, not ${maxBytes}`);
  const entries: JournalEntry[] = [];
  const sizes: number[] = [];
  let keptBytes = 0;
  let droppedCount = 0;
  return {
    append(entry) {
      const size = approximateEntryBytes(entry);
      entries.push(entry);
      sizes.push(size);
      keptBytes += size;
      while (entries.length > limit || (keptBytes > maxBytes && entries.length > 1)) {
        entries.shift();
        keptBytes -= sizes.shift()!;
        droppedCount += 1;
      }
      sink?.(entry);
    },
    list: (filter = {}) => entries.filter((entry) => matchesJournalFilter(entry, filter)),
    dropped: () => droppedCount,
    clear() {
      entries.length = 0;
      sizes.length = 0;
      keptBytes = 0;
      droppedCount = 0;
    },
  };
}
