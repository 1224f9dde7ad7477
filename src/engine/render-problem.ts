import type { HttpResponse } from '../core/http.js';
import type { Violation } from '../core/violation.js';
import type { CompiledOperation } from '../validate/compile-operation.js';
import { checkResponse } from './check-response.js';
import { encodeResponse } from './encode-response.js';
import type { EngineContext } from './engine-context.js';

/** A problem's answer in the vendor's error shape, checked and encoded like any other answer. */
export function renderProblem(
  context: Pick<EngineContext, 'spec' | 'plugin'>,
  status: number,
  violations: Violation[],
  accept: string | undefined,
  compiled?: CompiledOperation,
): { response: HttpResponse; responseViolations: Violation[] } {
  const draft = { accept, compiled, result: context.plugin.renderError({ status, violations, operationId: compiled?.operation.operationId }) };
  const checked = checkResponse(context, draft);
  return { response: encodeResponse(context, { ...draft, ...checked }), responseViolations: checked.responseViolations };
}
