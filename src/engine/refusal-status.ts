import { CORE_RULES } from '../core/core-rules.js';
import type { Violation } from '../core/violation.js';

/** Which violations decide which status: credentials first, then size, content type and `Accept`; everything else is 400. */
const STATUS_CLASSES: Array<[number, (violation: Violation) => boolean]> = [
  [401, (v) => v.location === 'security'],
  [413, (v) => v.code === CORE_RULES.bodyTooLarge.code],
  [415, (v) => v.code === CORE_RULES.contentTypeUnsupported.code],
  [406, (v) => v.code === CORE_RULES.acceptUnsatisfiable.code],
];

/**
 * The status a refused request gets and the violations its answer shows: a 401 shows only the credential problems,
 * as the vendor stops there; the exchange keeps them all for the contract report.
 */
export function refusalFor(violations: Violation[]): { status: number; shown: Violation[] } {
  for (const [status, belongs] of STATUS_CLASSES) {
    const shown = violations.filter(belongs);
    if (shown.length > 0) return { status, shown };
  }
  return { status: 400, shown: violations };
}
