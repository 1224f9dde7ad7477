import type { FindingLevel } from '../core/violation.js';
import { countedLevels, type ClientVendorResult, type ContractReport, type ViolationGroup } from './contract-report.js';
import { describeRequest, operationLabel } from './describe-request.js';
import { specLink, unexercisedOperations } from './spec-link.js';

/** Escapes text for one Markdown table cell: no HTML, no emphasis or links, no cell breaks. */
export function markdownCell(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

/** A spec pointer, linked to the spec when the report knows where it is. */
function specCell(report: ContractReport, vendor: string, pointer: string): string {
  const link = specLink(report, vendor, pointer);
  return link === undefined ? markdownCell(pointer) : `[${markdownCell(pointer)}](${link})`;
}

const row = (cells: Array<string | number>) => `| ${cells.map((cell) => String(cell)).join(' | ')} |`;

/** One finding group as a table row; `spec` is its spec pointer's cell (linked where the report knows the spec). */
const groupRow = (group: ViolationGroup, spec = markdownCell(group.specPointer)) =>
  row([
    markdownCell(operationLabel(group.operationId)),
    markdownCell(group.code),
    markdownCell(group.location),
    markdownCell(group.pointer || '/'),
    group.count,
    markdownCell(group.source),
    markdownCell(group.message),
    spec,
    markdownCell(describeRequest(group.firstRequest)),
  ]);
const GROUP_HEADER = [
  row(['operation', 'rule', 'location', 'pointer', 'count', 'source', 'message', 'spec', 'first request']),
  row(['---', '---', '---', '---', '---:', '---', '---', '---', '---']),
];

const count = (groups: readonly ViolationGroup[]) => groups.reduce((sum, group) => sum + group.count, 0);

/** A result's findings by level, each level its own section: violations, then risks and notices, then the mock's usage. */
function findingSections(report: ContractReport, result: ClientVendorResult): string[] {
  const counted: readonly string[] = countedLevels(report.failOn);
  const sections: Array<[string, FindingLevel, ViolationGroup[]]> = [
    ['Violations', 'violation', result.violations],
    ['Risks', 'risk', result.risks],
    ['Notices', 'notice', result.notices],
    ['Usage of the mock', 'usage', result.usage],
  ];
  const lines: string[] = [];
  for (const [title, level, groups] of sections) {
    if (groups.length === 0) continue;
    lines.push('', `### ${title}${counted.includes(level) ? '' : ' (not counted toward the verdict)'}`, '', ...GROUP_HEADER);
    lines.push(...groups.map((group) => groupRow(group, specCell(report, result.vendor, group.specPointer))));
  }
  return lines;
}

/** Proxy mode: per vendor, where its upstream's answers depart from its documentation (never the clients' verdicts). */
function departuresMarkdown(report: ContractReport): string[] {
  const lines: string[] = [];
  for (const departures of report.vendorDepartures) {
    lines.push(`## ${markdownCell(departures.vendorTitle)} (${markdownCell(departures.vendor)}): where the vendor departs from its documentation`, '');
    lines.push(`${departures.proxiedRequests} proxied requests, ${count(departures.findings)} vendor findings (they do not fail any client).`, '');
    if (departures.findings.length > 0) lines.push(...GROUP_HEADER, ...departures.findings.map((group) => groupRow(group)), '');
  }
  return lines;
}

/** The report as Markdown, for a pull-request comment: a summary table, then operations and violations per client and vendor. */
export function renderMarkdown(report: ContractReport): string {
  const lines = [`# Contract report: ${report.verdict.toUpperCase()}`, ''];
  const coverageRule = report.requireCoverage === null ? '' : `, coverage required: ${report.requireCoverage}%`;
  const { summary } = report;
  lines.push(
    `${summary.requests} requests, ${summary.violations} violations, ${summary.risks} risks, ${summary.notices} notices, ${summary.usage} usage findings; ${summary.failed} of ${summary.results} client/vendor results failed (fail on: ${report.failOn})${coverageRule}.`,
    '',
  );
  if (report.mock !== undefined) {
    const { version, seed, mode, specs } = report.mock;
    lines.push(
      `returns-mock ${markdownCell(version)}, seed ${seed ?? 'unknown'}, mode ${mode ?? 'unknown'}.`,
      '',
      row(['vendor', 'spec', 'sha256', 'called']),
      row(['---', '---', '---', '---']),
    );
    for (const spec of specs) {
      const name = `${spec.prefix}/openapi.json`;
      lines.push(
        row([
          markdownCell(spec.vendor),
          spec.url === null ? markdownCell(name) : `[${markdownCell(name)}](${spec.url.replaceAll('(', '%28').replaceAll(')', '%29').replaceAll(' ', '%20')})`,
          `\`${spec.sha256}\``,
          spec.called ? 'yes' : '**never called**',
        ]),
      );
    }
    lines.push('');
  }
  if (report.results.length === 0) return [...lines, 'No requests were recorded.', ''].join('\n');
  lines.push(row(['client', 'vendor', 'verdict', 'coverage', 'requests', 'violations', 'risks', 'notices']), row(['---', '---', '---', '---', '---:', '---:', '---:', '---:']));
  for (const result of report.results) {
    lines.push(
      row([
        markdownCell(result.client),
        markdownCell(result.vendor),
        markdownCell(result.verdict),
        `${result.coverage.exercised}/${result.coverage.offered} (${result.coverage.percent}%)`,
        result.requests,
        count(result.violations),
        count(result.risks),
        count(result.notices),
      ]),
    );
  }
  for (const result of report.results) {
    lines.push('', `## ${markdownCell(result.client)} → ${markdownCell(result.vendorTitle)} (${markdownCell(result.vendor)}): ${markdownCell(result.verdict)}`, '');
    for (const reason of result.reasons) lines.push(`- ${markdownCell(reason)}`);
    if (result.reasons.length > 0) lines.push('');
    lines.push('### Operations', '', row(['operation', 'requests', 'statuses', 'violating requests']), row(['---', '---:', '---', '---:']));
    for (const operation of result.operations) {
      const statuses = operation.statuses.map((s) => `${s.status} ×${s.count}${s.documented ? '' : ' (undocumented)'}`).join(', ') || 'not exercised';
      lines.push(row([markdownCell(`${operation.operationId} (${operation.method} ${operation.pathTemplate})`), operation.requests, statuses, operation.violatingRequests]));
    }
    const unexercised = unexercisedOperations(result.operations);
    if (unexercised.length > 0) lines.push('', `**Never exercised** (${unexercised.length} of ${result.operations.length}): ${unexercised.map(markdownCell).join(', ')}.`);
    if (result.unmatchedRequests > 0) lines.push('', `${result.unmatchedRequests} request${result.unmatchedRequests === 1 ? '' : 's'} matched no operation.`);
    lines.push(...findingSections(report, result));
  }
  lines.push('', ...departuresMarkdown(report));
  return lines.join('\n');
}
