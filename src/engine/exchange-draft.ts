import type { HttpRequest, OperationResult } from '../core/http.js';
import type { ValidatedRequest } from '../core/request.js';
import type { Scenario } from '../core/scenario.js';
import type { Violation } from '../core/violation.js';
import type { CompiledOperation } from '../validate/compile-operation.js';

/** A request entering the pipeline. Each stage takes a draft and returns it with its own part added. */
export interface ExchangeDraft {
  request: HttpRequest;
  accept: string | undefined;
}

/** After `matchRequest`: the operation the path and method name. */
export interface MatchedDraft extends ExchangeDraft {
  compiled: CompiledOperation;
  pathParams: Record<string, string>;
}

/** After `matchRequest` found no operation: the 404 or 405 to answer. */
export interface UnmatchedDraft extends ExchangeDraft {
  status: 404 | 405;
  violation: Violation;
  /** The methods the path does allow (405). */
  allow?: string[];
}

/** After `validateExchange`: the typed request, every contract violation and what `Prefer` or a rule asks for. */
export interface ValidatedDraft extends MatchedDraft {
  validated: ValidatedRequest;
  violations: Violation[];
  scenario: Scenario;
}

/** An answer not yet checked or encoded; `compiled` is absent for a problem outside any operation. */
export interface AnsweredDraft {
  accept: string | undefined;
  compiled: CompiledOperation | undefined;
  result: OperationResult;
  /** The media type validation negotiated from `Accept` for a success answer. */
  negotiated?: string;
}

/** After `decideAnswer`: the answer a valid, refused or leniently served request gets. */
export interface DecidedDraft extends ValidatedDraft, AnsweredDraft {
  compiled: CompiledOperation;
  lenient: boolean;
}

/** After `checkResponse`: the media type the answer goes out in and where it breaks its own spec. */
export interface CheckedAnswer {
  mediaType: string | undefined;
  responseViolations: Violation[];
}
