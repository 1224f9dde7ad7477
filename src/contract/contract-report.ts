import type { FindingLevel, RuleSource, ViolationLocation } from '../core/violation.js';
import type { JournalRequest } from './journal-entry.js';

/** Version of the report's JSON shape (`docs/report.schema.json`); raised only on an incompatible change. */
export const REPORT_VERSION = 1;

export type Verdict = 'pass' | 'fail';

/** The levels a verdict can fail on, strictest last: `violation` (the default), `risk` (violations and risks), `notice` (all three). */
export const FAIL_ON_LEVELS = ['violation', 'risk', 'notice'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export const isFailOn = (value: string): value is FailOn => (FAIL_ON_LEVELS as readonly string[]).includes(value);

/** The finding levels that count toward a verdict failing on `failOn`; `usage` findings never do. */
export const countedLevels = (failOn: FailOn): FailOn[] => FAIL_ON_LEVELS.slice(0, FAIL_ON_LEVELS.indexOf(failOn) + 1);

/** One response status a client received from an operation. */
export interface StatusCount {
  status: number;
  count: number;
  /** The spec documents it (exactly, as a class like `4XX`, or as `default`). */
  documented: boolean;
}

export interface OperationCoverage {
  operationId: string;
  method: string;
  pathTemplate: string;
  exercised: boolean;
  requests: number;
  /** Requests of this operation that had a finding of level `violation`. */
  violatingRequests: number;
  documentedStatuses: string[];
  statuses: StatusCount[];
}

/** The first request that broke a rule, as the journal recorded it (secrets masked). */
export interface OffendingRequest {
  seq: number;
  time: string;
  request: JournalRequest;
  status: number;
  lenient: boolean;
}

/** All breaches of one rule at one place of one operation. */
export interface ViolationGroup {
  /** `null` for a request that matched no operation (404, 405). */
  operationId: string | null;
  code: string;
  location: ViolationLocation;
  pointer: string;
  /** The first occurrence's message. */
  message: string;
  specPointer: string;
  /** The rule's weight (`violation`, `risk`, `notice`, `usage`); a journal entry written before levels existed counts as `violation`. */
  level: FindingLevel;
  /** What the rule rests on (`vendor-doc`, `vendor-reference`, `platform`, `mock`). */
  source: RuleSource;
  /** `client` for the client's departures from the contract; `vendor` for the upstream's, in proxy mode. */
  party: 'client' | 'vendor';
  count: number;
  firstRequest: OffendingRequest;
}

/** In proxy mode: where the vendor's real answers depart from its documentation, over every client. Never fails a client. */
export interface VendorDepartures {
  vendor: string;
  vendorTitle: string;
  /** Requests the mock forwarded to this vendor's upstream. */
  proxiedRequests: number;
  findings: ViolationGroup[];
}

/** The verdict on one client's use of one vendor. */
export interface ClientVendorResult {
  client: string;
  vendor: string;
  vendorTitle: string;
  verdict: Verdict;
  /** Why the verdict is `fail`, one sentence each; empty on `pass`. */
  reasons: string[];
  requests: number;
  /** Requests that matched no operation. */
  unmatchedRequests: number;
  coverage: { offered: number; exercised: number; percent: number };
  operations: OperationCoverage[];
  /** Findings of level `violation`: the vendor refuses these. */
  violations: ViolationGroup[];
  /** Findings of level `risk`: only inference says the vendor may refuse; they fail the verdict with `failOn: risk` or `notice`. */
  risks: ViolationGroup[];
  /** Findings of level `notice`: the vendor silently ignores these; they fail the verdict with `failOn: notice`. */
  notices: ViolationGroup[];
  /** Mistakes in steering the mock (`Prefer`, `--max-body`, `--auth strict`): never part of the verdict. */
  usage: ViolationGroup[];
}

/** A mounted vendor's spec: which one the report was checked against, and where to read it. */
export interface ReportSpec {
  vendor: string;
  title: string;
  /** Mount prefix, e.g. `/emporix`. */
  prefix: string;
  /** SHA-256 (hex) of the spec as served at `/<prefix>/openapi.json`. */
  sha256: string;
  /** Where the spec can be read: the served `/<prefix>/openapi.json`, or the spec file; `null` when unknown. */
  url: string | null;
  /** No client called this vendor. */
  called: boolean;
}

/** The mock that produced the report, so that two reports can be compared. */
export interface ReportMock {
  /** returns-mock's package version. */
  version: string;
  /** `null` when unknown (a report built from a journal file). */
  seed: number | null;
  mode: 'strict' | 'lenient' | null;
  specs: ReportSpec[];
}

export interface ContractReport {
  reportVersion: typeof REPORT_VERSION;
  /** The mock, its settings and the specs it served. */
  mock?: ReportMock;
  generatedAt: string;
  verdict: Verdict;
  /** The lowest finding level that fails a verdict (`--fail-on`): `violation` by default. */
  failOn: FailOn;
  /** `--require-coverage`, percent; `null` when coverage does not decide the verdict. */
  requireCoverage: number | null;
  summary: { results: number; requests: number; violations: number; risks: number; notices: number; usage: number; failed: number; vendorFindings: number };
  results: ClientVendorResult[];
  /** One per proxied vendor, sorted by vendor: the vendor's findings, apart from the clients' verdicts. */
  vendorDepartures: VendorDepartures[];
}
