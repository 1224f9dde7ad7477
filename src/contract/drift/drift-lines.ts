import type { DriftOperation } from './drift-report.js';

/** Every reason an operation breaks, one line each: shared by the JUnit, Markdown and HTML renderings. */
export function describeBreaks(operation: DriftOperation): string[] {
  const lines: string[] = [];
  if (operation.fate !== undefined) lines.push(`${operation.fate.kind}: ${operation.fate.message}`);
  for (const field of operation.newRequiredFields) lines.push(`new required field: ${field.location} ${field.pointer} (${field.message})`);
  for (const refused of operation.refused) {
    for (const finding of refused.findings)
      lines.push(`would be refused: #${refused.seq} ${refused.request} (${refused.client}): ${finding.code} at ${finding.location} ${finding.pointer || '/'}: ${finding.message}`);
  }
  for (const answer of operation.answers) {
    for (const field of answer.undocumentedFields) lines.push(`answer field no longer documented: #${answer.seq} status ${answer.status} ${field} (${answer.client})`);
    for (const finding of answer.findings)
      lines.push(`answer no longer fits: #${answer.seq} status ${answer.status} (${answer.client}): ${finding.code} at ${finding.pointer || '/'}: ${finding.message}`);
  }
  return lines;
}

export const operationName = (operation: Pick<DriftOperation, 'operationId' | 'method' | 'pathTemplate'>): string =>
  `${operation.operationId} (${operation.method} ${operation.pathTemplate})`;
