import type { JournalEntry } from './journal-entry.js';

/** Which entries `GET /__admin/journal` returns. */
export interface JournalFilter {
  client?: string;
  vendor?: string;
  operationId?: string;
  violationsOnly?: boolean;
}

export interface Journal {
  /** Keeps an entry, dropping the oldest beyond the limit, and hands it to the sink. */
  append(entry: JournalEntry): void;
  /** The kept entries, oldest first. */
  list(filter?: JournalFilter): JournalEntry[];
  /** How many entries were dropped for the limit. */
  dropped(): number;
  clear(): void;
}

export interface JournalOptions {
  /** Most entries kept in memory (`--journal-limit`). */
  limit: number;
  /** Receives each entry as it is appended: the NDJSON file. */
  sink?: (entry: JournalEntry) => void;
}

/** Default `--journal-limit`: enough for a client's test run; each entry's body is bounded too. */
export const DEFAULT_JOURNAL_LIMIT = 1000;

/** True when an entry passes a filter. */
export function matchesJournalFilter(entry: JournalEntry, filter: JournalFilter): boolean {
  return (
    (filter.client === undefined || entry.client === filter.client) &&
    (filter.vendor === undefined || entry.vendor === filter.vendor) &&
    (filter.operationId === undefined || entry.operationId === filter.operationId) &&
    (!filter.violationsOnly || entry.violations.length > 0)
  );
}

/** An in-memory journal bounded to `limit` entries (a ring: the oldest go first). */
export function createJournal({ limit, sink }: JournalOptions): Journal {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`journal limit must be a whole number of at least 1, not ${limit}`);
  const entries: JournalEntry[] = [];
  let droppedCount = 0;
  return {
    append(entry) {
      entries.push(entry);
      if (entries.length > limit) {
        entries.shift();
        droppedCount += 1;
      }
      sink?.(entry);
    },
    list: (filter = {}) => entries.filter((entry) => matchesJournalFilter(entry, filter)),
    dropped: () => droppedCount,
    clear() {
      entries.length = 0;
      droppedCount = 0;
    },
  };
}
