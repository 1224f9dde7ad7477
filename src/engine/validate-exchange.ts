import type { Scenario } from '../core/scenario.js';
import { validateRequest } from '../validate/validate-request.js';
import type { EngineContext } from './engine-context.js';
import type { MatchedDraft, ValidatedDraft } from './exchange-draft.js';
import { parsePrefer } from './parse-prefer.js';

/** Stage 2: validates the request against its operation and reads what `Prefer` and the scenario rules ask for. */
export function validateExchange(context: Pick<EngineContext, 'spec' | 'plugin' | 'drawScenario'>, draft: MatchedDraft): ValidatedDraft {
  const { compiled, request } = draft;
  const operationId = compiled.operation.operationId;
  const { request: validated, violations } = validateRequest(context.spec, compiled, request, draft.pathParams);
  const prefer = parsePrefer(request.headers.prefer);
  violations.push(...prefer.findings.map((finding) => ({ ...finding, operationId })));
  // The request's own preferences win over the config file's rules.
  const scenario: Scenario = { ...context.drawScenario(context.plugin.id, operationId), ...prefer.scenario };
  return { ...draft, validated, violations, scenario };
}
