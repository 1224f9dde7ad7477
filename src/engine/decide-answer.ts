import { CORE_RULES } from '../core/core-rules.js';
import type { OperationResult } from '../core/http.js';
import type { Violation } from '../core/violation.js';
import { forcesAnswer } from '../core/scenario.js';
import { createHandlerContext } from './create-handler-context.js';
import type { EngineContext } from './engine-context.js';
import type { DecidedDraft, ValidatedDraft } from './exchange-draft.js';
import { forcedAnswer } from './forced-answer.js';
import { refusalFor } from './refusal-status.js';
import { respondFromSpec } from './respond-from-spec.js';
import { refuses } from '../core/rules.js';
import { gradeFindings } from '../core/rule-registry.js';

type DecideContext = Pick<EngineContext, 'spec' | 'plugin' | 'faker' | 'matches' | 'services' | 'mode' | 'rules'>;

/**
 * Stage 3: decides the answer. A request that breaks the contract is refused (strict) or served from the spec and
 * marked (lenient); a valid one gets a forced answer (`Prefer`, scenario rules) or the vendor's behaviour.
 */
export async function decideAnswer(context: DecideContext, draft: ValidatedDraft): Promise<DecidedDraft> {
  const { violations } = draft;
  if (!violations.some(refuses)) return answerValidRequest(context, draft);
  // A body over the size limit is refused in either mode: the limit protects the mock, it is not the vendor's contract.
  // Nor does lenient mode serve an undeclared credential: `--auth strict` asked for its refusal.
  if (context.mode === 'lenient' && !violations.some((v) => v.code === CORE_RULES.bodyTooLarge.code || v.code === CORE_RULES.undeclaredCredential.code))
    return answerLeniently(context, draft);
  return refuseRequest(context, draft);
}

/** Strict mode: the vendor's refusal, with the status its policy gives these violations. */
export function refuseRequest(context: Pick<EngineContext, 'plugin'>, draft: ValidatedDraft): DecidedDraft {
  const refusal = refusalFor(draft.violations.filter(refuses));
  const result = context.plugin.renderError({ status: refusal.status, violations: refusal.shown, operationId: draft.compiled.operation.operationId });
  return { ...draft, result, lenient: false };
}

/** Lenient mode: the spec's success answer, no vendor behaviour (handlers and the store assume valid input); the details go to the journal. */
export function answerLeniently(context: DecideContext, draft: ValidatedDraft): DecidedDraft {
  const served = respondFromSpec(context, draft.compiled, { accept: draft.accept });
  const result: OperationResult = { ...served, headers: { ...served.headers, 'x-mock-violations': String(draft.violations.filter(refuses).length) } };
  return { ...draft, result, negotiated: draft.validated.responseMediaType, lenient: true };
}

/** A valid request's answer: a forced one (`Prefer`, scenario rules) or the vendor's behaviour. */
export async function answerValidRequest(context: DecideContext, draft: ValidatedDraft): Promise<DecidedDraft> {
  const { compiled, validated, accept, scenario } = draft;
  const noted: Violation[] = [];
  const handlerContext = createHandlerContext(context.services, compiled, accept, validated.credentials, noted);
  let result: OperationResult;
  if (forcesAnswer(scenario)) {
    const forced = forcedAnswer(context, compiled, scenario, accept);
    result = 'result' in forced ? forced.result : handlerContext.refuse(400, forced.findings);
  } else {
    const handler = context.plugin.handlers?.[compiled.operation.operationId];
    result = handler === undefined ? handlerContext.respondFromSpec() : await handler(validated, handlerContext);
  }
  const raised = gradeFindings(context.rules, context.plugin.id, [...noted, ...(result.violations ?? [])]);
  return { ...draft, result, violations: [...draft.violations, ...raised], negotiated: validated.responseMediaType, lenient: false };
}
