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
  /** Values masked wherever they appear in a request (the mock's admin token). */
  secrets?: readonly string[];
}

/** The journal and the report collector fed together: one `record` per exchange. */
export interface ContractRecorder {
  journal: Journal;
  collector: ReportCollector;
  catalogues: VendorCatalogue[];
  record(exchange: RecordedExchange): JournalEntry;
  /** Forgets every entry and count (`DELETE /__admin/journal`); the sequence goes on. */
  clear(): void;
}

/** Creates the recorder a running mock feeds with every exchange. */
export function createContractRecorder({ catalogues, journalLimit = DEFAULT_JOURNAL_LIMIT, sink, now = () => new Date(), secrets = [] }: ContractRecorderOptions): ContractRecorder {
  const journal = createJournal({ limit: journalLimit, sink });
  const collector = createReportCollector(catalogues);
  let seq = 0;
  return {
    journal,
    collector,
    catalogues,
    record(exchange) {
      seq += 1;
      const entry = toJournalEntry(exchange, seq, now(), catalogues.find((catalogue) => catalogue.vendor === exchange.vendor), secrets);
      journal.append(entry);
      collector.add(entry);
      return entry;
    },
    clear() {
      journal.clear();
      collector.clear();
    },
  };
}
