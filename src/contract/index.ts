export type { ContractReport, ClientVendorResult, OperationCoverage, ViolationGroup, Verdict, VendorDepartures } from './contract-report.js';
export { REPORT_VERSION } from './contract-report.js';
export { createContractRecorder, type ContractRecorder } from './create-contract-recorder.js';
export { createJournal, DEFAULT_JOURNAL_LIMIT, matchesJournalFilter, type Journal, type JournalFilter } from './create-journal.js';
export { createReportCollector, type ReportOptions } from './create-report-collector.js';
export type { JournalEntry } from './journal-entry.js';
export { parseJournalFile } from './parse-journal-file.js';
export { isReportFormat, renderReport, REPORT_FILE_NAMES, REPORT_FORMATS, type ReportFormat } from './render-report.js';
export { buildVendorCatalogue, type VendorCatalogue } from './vendor-catalogue.js';
