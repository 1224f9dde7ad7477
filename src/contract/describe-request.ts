import type { OffendingRequest } from './contract-report.js';

/** One line naming a recorded request: `#3 POST /erp/returns?x=1 → 400`. */
export function describeRequest(first: OffendingRequest): string {
  const { request } = first;
  return `#${first.seq} ${request.method} ${request.path}${request.query === '' ? '' : `?${request.query}`} → ${first.status}${first.lenient ? ' (served leniently)' : ''}`;
}

/** The operation a violation group belongs to, for people: its operationId or `(no operation)` for 404/405. */
export const operationLabel = (operationId: string | null) => operationId ?? '(no operation)';
