import type { Violation } from '../core/violation.js';

/** Which violations decide which status: credentials first, then size, content type and `Accept`; everything else is 400. */
const STATUS_CLASSES: Array<[number, (violation: Violation) => boolean]> = [
  [401, (v) => v.location === 'security'],
  [413, (v) => v.code === 'request.body.too-large'],
  [415, (v) => v.code === 'request.header.content-type'],
  [406, (v) => v.code === 'request.header.accept'],
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
