import { createJournal, DEFAULT_JOURNAL_LIMIT, type Journal } from './create-journal.js';
import { createReportCollector, type ReportCollector } from './create-report-collector.js';
import type { JournalEntry } from './journal-entry.js';
import { toJournalEntry, type RecordedExchange } from './to-journal-entry.js';
import type { VendorCatalogue } from './vendor-catalogue.js';

export interface ContractRecorderOptions {
  catalogues: VendorCatalogue[];
  /** Most journal entries kept in memory; the report counts every request regardless. */
  journalLimit?: number;
  /** Receives each entry (the NDJSON file). */
  sink?: (entry: JournalEntry) => void;
  now?: () => Date;
}

/** The journal and the report collector fed together: one `record` per exchange. */
export interface ContractRecorder {
  journal: Journal;
  collector: ReportCollector;
  catalogues: VendorCatalogue[];
  record(exchange: RecordedExchange): JournalEntry;
  /** The numbered journal entry of an exchange, not kept: for a journal shared by replicas, which keeps it itself. */
  describe(exchange: RecordedExchange): JournalEntry;
  /** Keeps an entry as it is (numbered already): one read back from a journal shared by replicas. */
  ingest(entry: JournalEntry): void;
  /** Forgets every entry and count (`DELETE /__admin/journal`); the sequence goes on. A shared journal resolves once every replica will see it. */
  clear(): void | Promise<void>;
}

/** Creates the recorder a running mock feeds with every exchange. */
export function createContractRecorder({ catalogues, journalLimit = DEFAULT_JOURNAL_LIMIT, sink, now = () => new Date() }: ContractRecorderOptions): ContractRecorder {
  const journal = createJournal({ limit: journalLimit, sink });
  const collector = createReportCollector(catalogues);
  let seq = 0;
  const describe = (exchange: RecordedExchange) => {
    seq += 1;
    return toJournalEntry(exchange, seq, now(), catalogues.find((catalogue) => catalogue.vendor === exchange.vendor));
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
    record(exchange) {
      const entry = describe(exchange);
      ingest(entry);
      return entry;
    },
    clear() {
      journal.clear();
      collector.clear();
    },
  };
}
