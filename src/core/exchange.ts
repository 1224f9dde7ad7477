import type { HttpRequest, HttpResponse } from './http.js';
import type { ValidatedRequest } from './request.js';
import type { Scenario } from './scenario.js';
import type { Violation } from './violation.js';

/** What the upstream answered a proxied request, for the journal and `--record`. */
export interface ProxiedAnswer {
  upstream: string;
  /** The upstream's status, or the mock's 502/504 when it gave no answer. */
  status: number;
  headers: Record<string, string>;
  /** The decoded body (JSON value, XML read as its schema's JSON, text); `undefined` when none or unreadable. */
  body: unknown;
  /** True when the upstream gave no answer and the mock answered 502/504 itself. */
  failed: boolean;
}

/** One request's passage through the engine: what the journal and reports are made of. */
export interface Exchange {
  vendor: string;
  operationId: string | undefined;
  request: HttpRequest;
  validated: ValidatedRequest | undefined;
  /** Contract violations of the request. */
  violations: Violation[];
  /** Where the mock's own answer broke its spec: a bug of the mock, logged loudly. */
  responseViolations: Violation[];
  response: HttpResponse;
  /** Time the engine took, from routing to the encoded answer (body upload and any injected delay not included). */
  durationMs: number;
  /** What `Prefer` or a scenario rule asked for: a forced answer, a delay or a fault (marked in the journal). */
  scenario?: Scenario;
  /** Set when the request broke the contract and `mode: 'lenient'` served it from the spec anyway. */
  lenient?: true;
  /** Set when proxy mode forwarded the request: what the upstream answered. */
  proxied?: ProxiedAnswer;
}
