import type { Scenario } from '../core/scenario.js';
import type { Violation } from '../core/violation.js';

/** The request of a journal entry, secrets masked. */
export interface JournalRequest {
  method: string;
  /** Path below the vendor prefix, as sent. */
  path: string;
  /** Raw query string without `?`; apiKey parameters masked. */
  query: string;
  /** Lower-case header names; credentials masked. */
  headers: Record<string, string>;
  /** The body as UTF-8 text (base64 when it is not text), cut at {@link MAX_JOURNAL_BODY_CHARS}. */
  body?: string;
  bodyEncoding?: 'base64';
  bodyTruncated?: true;
}

/** The answer as the client received it: lower-case header names, secrets masked, body cut like a request's. */
export interface JournalResponse {
  /** `0` when no answer was sent (outcome `reset` or `timeout`). */
  status: number;
  headers: Record<string, string>;
  body?: string;
  bodyEncoding?: 'base64';
  bodyTruncated?: true;
}

/** How the exchange ended: a full answer, or the transport fault a scenario forced (`reset` and `timeout` send no answer). */
export type ExchangeOutcome = 'answered' | 'reset' | 'timeout' | 'malformed';

/** A journalled finding: always with its rule's level and source (a journal file written before levels existed may lack them: read it as a `violation` from `mock`). */
export type JournalFinding = Violation & Required<Pick<Violation, 'level' | 'source'>>;

/** One interaction with the mock: what the journal keeps and the reports are built from. */
export interface JournalEntry {
  /** Position in the run, from 1: stable across the in-memory journal and the NDJSON file. */
  seq: number;
  /** ISO date-time the answer was given. */
  time: string;
  client: string;
  vendor: string;
  /** The matched operation's `operationId` (for a spec without one: `METHOD /path/template`); `null` for 404/405. */
  operationId: string | null;
  method: string;
  pathTemplate: string | null;
  request: JournalRequest;
  /** The answer's status, as `response.status` (kept for readers of the first journal shape); `0` when none was sent. */
  status: number;
  response: JournalResponse;
  /** From the request's arrival to the answer (or the fault), injected delay included. */
  durationMs: number;
  outcome: ExchangeOutcome;
  /** The request broke the contract but `--mode lenient` served it from the spec. */
  lenient: boolean;
  /** A forced answer, delay or fault asked for by `Prefer` or a scenario rule. */
  scenario?: Scenario;
  /** Every finding of the exchange, secrets masked: the client's, and in proxy mode the vendor's (`party: 'vendor'`). */
  violations: JournalFinding[];
  /** Set when proxy mode forwarded the request: the upstream URL (secrets masked) and whether it answered. */
  proxied?: { upstream: string; answered: boolean };
}

/** Bodies beyond this many characters are cut in the journal: a bounded journal must also be bounded in bytes. */
export const MAX_JOURNAL_BODY_CHARS = 16 * 1024;
