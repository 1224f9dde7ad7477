import type { HttpRequest, HttpResponse } from './http.js';
import type { ValidatedRequest } from './request.js';
import type { Scenario } from './scenario.js';
import type { Violation } from './violation.js';

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
}
