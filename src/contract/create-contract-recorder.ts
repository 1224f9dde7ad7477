import { createJournal, DEFAULT_JOURNAL_LIMIT, type Journal } from './create-journal.js';
import { createReportCollector, type ReportCollector, type RunInfo } from './create-report-collector.js';
import type { JournalEntry } from './journal-entry.js';
import type { HttpRequest } from '../core/http.js';
import { listUnmatched, type UnmatchedRequest, type UnroutedRequest } from './list-unmatched.js';
import { toJournalEntry, type Delivery, type RecordedExchange } from './to-journal-entry.js';
import type { VendorCatalogue } from './vendor-catalogue.js';

export interface ContractRecorderOptions {
  catalogues: VendorCatalogue[];
  /** Most journal entries kept in memory; the report counts every request regardless. */
  journalLimit?: number;
  /** Most memory the journal's entries may hold (approximately, counted from above). */
  journalLimitBytes?: number;
  /** Receives each entry (the NDJSON file). */
  sink?: (entry: JournalEntry) => void;
  now?: () => Date;
  /** The mock's version and settings, stated in every report. */
  run?: RunInfo;
  /** Values masked wherever they appear in a request (the mock's admin token). */
  secrets?: readonly string[];
}

/** The journal and the report collector fed together: one `record` per exchange. */
export interface ContractRecorder {
  journal: Journal;
  collector: ReportCollector;
  catalogues: VendorCatalogue[];
  /** Journals an exchange; `delivery` says how its answer left the mock (default: whole, at once). */
  record(exchange: RecordedExchange, delivery?: Delivery): JournalEntry;
  /** The numbered journal entry of an exchange, not kept: for a journal shared by replicas, which keeps it itself. */
  describe(exchange: RecordedExchange, delivery?: Delivery): JournalEntry;
  /** Keeps an entry as it is (numbered already): one read back from a journal shared by replicas. */
  ingest(entry: JournalEntry): void;
  /** Keeps a request that was under no vendor's prefix (bounded like the journal), for the unmatched list. */
  recordUnrouted(request: HttpRequest): void;
  /** The requests that matched no operation, with their near misses (`GET /__admin/requests/unmatched`). */
  unmatched(): UnmatchedRequest[];
  /** Forgets every entry and count (`DELETE /__admin/journal`); the sequence goes on. A shared journal resolves once every replica will see it. */
  clear(): void | Promise<void>;
}

/** Creates the recorder a running mock feeds with every exchange. */
export function createContractRecorder({
  catalogues,
  journalLimit = DEFAULT_JOURNAL_LIMIT,
  journalLimitBytes,
  sink,
  now = () => new Date(),
  run,
  secrets = [],
}: ContractRecorderOptions): ContractRecorder {
  const journal = createJournal({ limit: journalLimit, maxBytes: journalLimitBytes, sink });
  const collector = createReportCollector(catalogues, run);
  const unrouted: UnroutedRequest[] = [];
  let seq = 0;
  const describe = (exchange: RecordedExchange, delivery?: Delivery) => {
    seq += 1;
    return toJournalEntry(
      exchange,
      seq,
      now(),
      catalogues.find((catalogue) => catalogue.vendor === exchange.vendor),
      delivery,
      secrets,
    );
  };
  const ingest = (entry: JournalEntry) => {
    journal.append(entry);
    collector.add(entry);
  };
  return {
    journal,
    collector,
    catalogues,
    describe,
    ingest,
    record(exchange, delivery) {
      const entry = describe(exchange, delivery);
      ingest(entry);
      return entry;
    },
    recordUnrouted(request) {
      const entry = toJournalEntry({ vendor: '', operationId: undefined, request, violations: [], response: { status: 404 } }, 0, now(), undefined);
      unrouted.push({ time: entry.time, client: entry.client, request: entry.request });
      if (unrouted.length > journalLimit) unrouted.shift();
    },
    unmatched: () => listUnmatched(journal.list(), unrouted, catalogues),
    clear() {
      journal.clear();
      collector.clear();
      unrouted.length = 0;
    },
  };
}
