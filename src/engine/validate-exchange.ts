import { CORE_RULES } from '../core/core-rules.js';
import type { Scenario } from '../core/scenario.js';
import type { Violation } from '../core/violation.js';
import { validateRequest } from '../validate/validate-request.js';
import { createHandlerContext } from './create-handler-context.js';
import type { EngineContext } from './engine-context.js';
import type { MatchedDraft, ValidatedDraft } from './exchange-draft.js';
import { parsePrefer } from './parse-prefer.js';
import { gradeFindings } from '../core/rule-registry.js';
import { negotiateMediaType } from '../media/media-type.js';

/** Why `--auth strict` refuses a well-formed credential: the fixtures do not declare it. */
const undeclaredCredential = (draft: MatchedDraft): Violation => ({
  code: CORE_RULES.undeclaredCredential.code,
  location: 'security',
  pointer: '/Authorization',
  message: 'the credential is not declared in the fixtures (the server runs with --auth strict)',
  specPointer: `#/paths/${draft.compiled.operation.pathTemplate.replaceAll('~', '~0').replaceAll('/', '~1')}/${draft.compiled.operation.method}/security`,
  operationId: draft.compiled.operation.operationId,
});

/**
 * Stage 2: validates the request against its operation and reads what `Prefer` and the scenario rules ask for.
 * Credentials come before content: under `--auth strict` an undeclared credential is a finding (refused with 401 in
 * either mode) whatever else is wrong with the request.
 */
export function validateExchange(context: Pick<EngineContext, 'spec' | 'plugin' | 'drawScenario' | 'services' | 'authMode' | 'rules'>, draft: MatchedDraft): ValidatedDraft {
  const { compiled, request } = draft;
  const operationId = compiled.operation.operationId;
  const checked = validateRequest(context.spec, compiled, request, draft.pathParams);
  const { violations } = checked;
  // The answer's media type follows the `Accept` the vendor's platform negotiates by (`matchRequest`), not always the header as sent.
  const validated =
    draft.accept === request.headers.accept
      ? checked.request
      : { ...checked.request, responseMediaType: negotiateMediaType(draft.accept, compiled.successMediaTypes) ?? checked.request.responseMediaType };
  if (
    context.authMode === 'strict' &&
    validated.security.length > 0 &&
    !violations.some((v) => v.location === 'security') &&
    createHandlerContext(context.services, compiled, draft.accept, validated.credentials).declaredCredential === undefined
  ) {
    violations.push(undeclaredCredential(draft));
  }
  const prefer = parsePrefer(request.headers.prefer);
  violations.push(...prefer.findings.map((finding) => ({ ...finding, operationId })));
  // The request's own preferences win over the config file's rules.
  const scenario: Scenario = { ...context.drawScenario(context.plugin.id, operationId), ...prefer.scenario };
  return { ...draft, validated, violations: gradeFindings(context.rules, context.plugin.id, violations), scenario };
}
