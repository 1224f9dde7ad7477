import { markdownCell as m } from '../render-markdown.js';
import { describeBreaks, operationName } from './drift-lines.js';
import type { DriftReport } from './drift-report.js';
import type { SpecChange } from './spec-change.js';

const row = (cells: Array<string | number>) => `| ${cells.map((cell) => String(cell)).join(' | ')} |`;

function changeTable(title: string, changes: SpecChange[]): string[] {
  if (changes.length === 0) return [];
  return [
    `#### ${title} (${changes.length})`,
    '',
    row(['operation', 'kind', 'location', 'pointer', 'change']),
    row(['---', '---', '---', '---', '---']),
    ...changes.map((c) => row([m(`${c.method} ${c.path}`), m(c.kind), m(c.location), m(c.pointer || '/'), m(c.message)])),
    '',
  ];
}

/** The drift report as Markdown, for a pull-request comment: verdict, per-operation problems, then the spec diff. */
export function renderDriftMarkdown(report: DriftReport): string {
  const { summary } = report;
  const lines = [
    `# Spec drift: ${report.verdict === 'breaks' ? 'BREAKS' : 'SAFE'}`,
    '',
    `${summary.requests} recorded requests re-validated: ${summary.refused} would be refused, ${summary.driftedAnswers} answers no longer fit, ${summary.operationsGone} used operations gone, ${summary.newRequiredFields} new required fields; ${summary.breakingChanges} breaking changes in the specs.`,
    '',
  ];
  for (const vendor of report.vendors) {
    lines.push(
      `## ${m(vendor.vendor)}: ${m(vendor.oldSpec.version)} → ${m(vendor.newSpec.version)}`,
      '',
      `Old: \`${m(vendor.oldSpec.file)}\`, new: \`${m(vendor.newSpec.file)}\`.`,
      '',
    );
    if (vendor.operations.length === 0) lines.push('The recorded traffic used no operation of this vendor.', '');
    else {
      lines.push(row(['operation', 'requests', 'verdict']), row(['---', '---:', '---']));
      for (const operation of vendor.operations) lines.push(row([m(operationName(operation)), operation.requests, operation.breaks ? 'breaks' : 'ok']));
      lines.push('');
    }
    for (const operation of vendor.operations.filter((o) => o.breaks)) {
      lines.push(`### ${m(operationName(operation))}`, '', ...describeBreaks(operation).map((line) => `- ${m(line)}`), '');
    }
    if (vendor.skipped.truncated + vendor.skipped.unmatched > 0)
      lines.push(`Not re-validated: ${vendor.skipped.truncated} with a body cut in the journal, ${vendor.skipped.unmatched} that matched no operation of the old spec either.`, '');
    lines.push('### Spec diff', '');
    const { breaking, nonBreaking, unclassified } = vendor.specDiff;
    if (breaking.length + nonBreaking.length + unclassified.length === 0) lines.push('The two versions do not differ structurally.', '');
    lines.push(...changeTable('Breaking', breaking), ...changeTable('Non-breaking', nonBreaking), ...changeTable('Unclassified', unclassified));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
