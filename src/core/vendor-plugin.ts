import type { OperationResult } from './http.js';
import type { ValidatedRequest } from './request.js';
import type { Violation } from './violation.js';

/** Why a request ends in an error answer: the status and every violation behind it. */
export interface Problem {
  status: number;
  violations: Violation[];
  /** The operation, when the request matched one. */
  operationId?: string;
}

/** What a vendor handler may use besides the request. Grows with the store (issue on state). */
export interface HandlerContext {
  /** The answer the spec alone would give (example or faked body) for a documented status; defaults to the first success status. */
  respondFromSpec(status?: number): OperationResult;
}

export type OperationHandler = (request: ValidatedRequest, context: HandlerContext) => OperationResult | Promise<OperationResult>;

/** One vendor: its spec, its error shape and its behaviour, keyed by the spec's `operationId`s. */
export interface VendorPlugin {
  /** Stable id: `jtl`, `intershop`, `emporix`, `shopctrl`. */
  id: string;
  title: string;
  /** Mount point, e.g. `/emporix`. */
  prefix: string;
  /** Absolute path of the vendor's OpenAPI file. */
  specFile: string;
  /** Renders a refused request in the vendor's own error shape; the body must fit the spec's schema for that status. */
  renderError(problem: Problem): OperationResult;
  /** Behaviour per `operationId`; an operation without a handler answers from its spec. */
  handlers?: Record<string, OperationHandler>;
}
