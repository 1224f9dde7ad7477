import { CORE_RULES } from '../core/core-rules.js';
import type { OperationResult } from '../core/http.js';
import type { Scenario } from '../core/scenario.js';
import type { Violation } from '../core/violation.js';
import { findResponse, type CompiledOperation } from '../validate/compile-operation.js';
import { respondFromSpec, type SpecAnswerSource } from './respond-from-spec.js';

type Finding = Omit<Violation, 'operationId'>;

const finding = (code: string, message: string, value: unknown): Finding => ({ code, location: 'header', pointer: '/Prefer', message, specPointer: '', value });

/** The statuses the operation documents, for a message that tells the client what it may ask for. */
const documentedStatuses = (compiled: CompiledOperation): string => compiled.operation.responses.map((response) => response.status).join(', ');

/**
 * The spec's answer a scenario forces (`code`, `example`, `dynamic`): only ever one the spec documents. A status the
 * operation does not document, or an example it does not have, is a finding instead: a forced answer never breaks the contract.
 */
export function forcedAnswer(
  source: SpecAnswerSource,
  compiled: CompiledOperation,
  scenario: Scenario,
  accept: string | undefined,
): { result: OperationResult } | { findings: Finding[] } {
  const success = compiled.operation.responses.find((response) => /^2\d\d$/.test(response.status));
  const status = scenario.code ?? (success === undefined ? 200 : Number(success.status));
  const documented = findResponse(compiled, status);
  if (documented === undefined) {
    return {
      findings: [
        finding(CORE_RULES.preferStatusUndocumented.code, `${compiled.operation.operationId} documents no status ${status}; documented: ${documentedStatuses(compiled)}`, status),
      ],
    };
  }
  if (scenario.example !== undefined && scenario.dynamic !== true) {
    const names = documented.content.flatMap((content) => Object.keys(content.media.examples ?? {}));
    if (!names.includes(scenario.example)) {
      const known = names.length === 0 ? 'it has no named examples' : `its examples: ${[...new Set(names)].join(', ')}`;
      return {
        findings: [
          finding(CORE_RULES.preferExampleUnknown.code, `status ${status} of ${compiled.operation.operationId} has no example '${scenario.example}'; ${known}`, scenario.example),
        ],
      };
    }
  }
  return { result: respondFromSpec(source, compiled, { status, accept, exampleName: scenario.example, dynamic: scenario.dynamic }) };
}
