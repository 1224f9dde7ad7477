import type { FindingLevel } from '../core/violation.js';
import { countedLevels, type ClientVendorResult, type ContractReport, type VendorDepartures, type ViolationGroup } from './contract-report.js';
import { describeRequest, operationLabel } from './describe-request.js';
import { escapeMarkup as x } from './escape-markup.js';
import { specLink, unexercisedOperations } from './spec-link.js';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
h1 .verdict,h2 .verdict{font-size:.8em;padding:.1em .5em;border-radius:.3em;color:#fff}
.pass{background:#1a7f37}.fail{background:#cf222e}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right}
.bar{background:#eaeef2;border-radius:.3em;height:.9em;width:12rem;display:inline-block;vertical-align:middle;overflow:hidden}
.bar span{display:block;height:100%;background:#0969da}
code,pre{font-family:ui-monospace,monospace;font-size:12px}
pre{white-space:pre-wrap;word-break:break-all;background:#f6f8fa;padding:.4rem;margin:.3rem 0 0;max-height:16rem;overflow:auto}
details summary{cursor:pointer}
tr.not-exercised td{color:#6e7781}
`;

function bar(percent: number): string {
  return `<span class="bar" role="img" aria-label="${percent}%"><span style="width:${Math.min(Math.max(percent, 0), 100)}%"></span></span>`;
}

function firstRequestHtml(group: ViolationGroup): string {
  const { request } = group.firstRequest;
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  const body = request.body === undefined ? '' : `\n\n${request.body}${request.bodyTruncated ? '\n…(cut)' : ''}`;
  return `<details><summary>${x(describeRequest(group.firstRequest))}</summary><pre>${x(headers + body)}</pre></details>`;
}

/** A spec pointer, a link to the spec when the report knows where it is. */
function specPointerHtml(report: ContractReport, vendor: string, pointer: string): string {
  const link = specLink(report, vendor, pointer);
  return link === undefined ? `<code>${x(pointer)}</code>` : `<a class="spec-link" href="${x(link)}"><code>${x(pointer)}</code></a>`;
}

/** The mock, its settings and each spec with its hash: what makes two reports comparable. */
function mockHtml(report: ContractReport): string {
  if (report.mock === undefined) return '';
  const { version, seed, mode, specs } = report.mock;
  const rows = specs.map((spec) => {
    const name = x(`${spec.prefix}/openapi.json`);
    return `<tr class="spec" data-vendor="${x(spec.vendor)}" data-called="${spec.called}"><td>${x(spec.vendor)}</td><td>${spec.url === null ? name : `<a href="${x(spec.url)}">${name}</a>`}</td><td><code class="sha256">${x(spec.sha256)}</code></td><td>${spec.called ? 'yes' : '<strong>never called</strong>'}</td></tr>`;
  });
  return [
    `<p id="mock">returns-mock <span class="version">${x(version)}</span>, seed <span class="seed">${x(String(seed ?? 'unknown'))}</span>, mode <span class="mode">${x(mode ?? 'unknown')}</span>.</p>`,
    `<table class="specs"><thead><tr><th>vendor</th><th>spec</th><th>sha256</th><th>called</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  ].join('\n');
}

const countOf = (groups: readonly ViolationGroup[]) => groups.reduce((sum, group) => sum + group.count, 0);

/** A result's findings, a table per level: violations, then risks and notices, then the mock's usage; each row names the rule's source. */
function findingTables(report: ContractReport, result: ClientVendorResult): string[] {
  const counted: readonly string[] = countedLevels(report.failOn);
  const sections: Array<[string, FindingLevel, string, ViolationGroup[]]> = [
    ['Violations', 'violation', 'violations', result.violations],
    ['Risks', 'risk', 'risks', result.risks],
    ['Notices', 'notice', 'notices', result.notices],
    ['Usage of the mock', 'usage', 'usage', result.usage],
  ];
  const parts: string[] = [];
  for (const [title, level, className, groups] of sections) {
    if (groups.length === 0) continue;
    parts.push(`<h3>${title}${counted.includes(level) ? '' : ' <small>(not counted toward the verdict)</small>'}</h3><table class="${className}">${GROUP_TABLE_HEAD}<tbody>`);
    for (const group of groups) parts.push(groupRowHtml(group, specPointerHtml(report, result.vendor, group.specPointer)));
    parts.push('</tbody></table>');
  }
  return parts;
}

function resultHtml(report: ContractReport, result: ClientVendorResult, index: number): string {
  const violationCount = countOf(result.violations);
  const parts = [
    `<section class="result" id="result-${index}" data-client="${x(result.client)}" data-vendor="${x(result.vendor)}" data-verdict="${x(result.verdict)}">`,
    `<h2>${x(result.client)} → ${x(result.vendorTitle)} <small>(${x(result.vendor)})</small> <span class="verdict ${x(result.verdict)}">${x(result.verdict)}</span></h2>`,
    `<p>Coverage: ${bar(result.coverage.percent)} <span class="coverage" data-exercised="${result.coverage.exercised}" data-offered="${result.coverage.offered}" data-percent="${result.coverage.percent}">${result.coverage.exercised} of ${result.coverage.offered} operations (${result.coverage.percent}%)</span>; <span class="requests">${result.requests}</span> requests, <span class="violation-count">${violationCount}</span> violations, <span class="risk-count">${countOf(result.risks)}</span> risks, <span class="notice-count">${countOf(result.notices)}</span> notices.</p>`,
  ];
  if (result.reasons.length > 0) parts.push(`<ul class="reasons">${result.reasons.map((reason) => `<li>${x(reason)}</li>`).join('')}</ul>`);
  parts.push('<h3>Operations</h3><table class="operations"><thead><tr><th>operation</th><th>requests</th><th>statuses</th><th>violating requests</th></tr></thead><tbody>');
  for (const operation of result.operations) {
    const statuses = operation.statuses.map((s) => `${s.status} ×${s.count}${s.documented ? '' : ' (undocumented)'}`).join(', ') || 'not exercised';
    parts.push(
      `<tr class="operation${operation.exercised ? '' : ' not-exercised'}" data-operation="${x(operation.operationId)}" data-exercised="${operation.exercised}"><td><code>${x(operation.operationId)}</code> ${x(operation.method)} <code>${x(operation.pathTemplate)}</code></td><td class="num">${operation.requests}</td><td>${x(statuses)}</td><td class="num">${operation.violatingRequests}</td></tr>`,
    );
  }
  parts.push('</tbody></table>');
  const unexercised = unexercisedOperations(result.operations);
  if (unexercised.length > 0)
    parts.push(
      `<p class="not-exercised"><strong>Never exercised</strong> (${unexercised.length} of ${result.operations.length}): ${unexercised.map((id) => `<code>${x(id)}</code>`).join(', ')}</p>`,
    );
  parts.push(...findingTables(report, result), '</section>');
  return parts.join('\n');
}

/** One finding group as a table row; `spec` is its spec pointer's markup (linked where the report knows the spec). */
function groupRowHtml(group: ViolationGroup, spec = `<code>${x(group.specPointer)}</code>`): string {
  return `<tr class="${x(group.level)}" data-level="${x(group.level)}" data-source="${x(group.source)}" data-party="${x(group.party)}"><td class="operation">${x(operationLabel(group.operationId))}</td><td class="code"><code>${x(group.code)}</code></td><td class="source">${x(group.source)}</td><td class="location">${x(group.location)}</td><td class="pointer"><code>${x(group.pointer || '/')}</code></td><td class="num count">${group.count}</td><td class="message">${x(group.message)}<br><small>spec: ${spec}</small></td><td>${firstRequestHtml(group)}</td></tr>`;
}

const GROUP_TABLE_HEAD =
  '<thead><tr><th>operation</th><th>rule</th><th>source</th><th>location</th><th>pointer</th><th>count</th><th>message</th><th>first request</th></tr></thead>';

/** Proxy mode: where one vendor's upstream departs from its documentation; it never fails a client. */
function departuresHtml(departures: VendorDepartures): string {
  const parts = [
    `<section class="vendor-departures" data-vendor="${x(departures.vendor)}">`,
    `<h2>${x(departures.vendorTitle)} <small>(${x(departures.vendor)})</small>: where the vendor departs from its documentation</h2>`,
    `<p>${departures.proxiedRequests} proxied requests, <span class="vendor-finding-count">${countOf(departures.findings)}</span> vendor findings (they do not fail any client).</p>`,
  ];
  if (departures.findings.length > 0)
    parts.push(`<table class="violations vendor">${GROUP_TABLE_HEAD}<tbody>`, ...departures.findings.map((group) => groupRowHtml(group)), '</tbody></table>');
  parts.push('</section>');
  return parts.join('\n');
}

/** The report as one self-contained HTML page (inline CSS, no scripts): coverage bars and every violation. */
export function renderHtml(report: ContractReport): string {
  const summary = report.summary;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>returns-mock contract report: ${x(report.verdict)}</title><style>${STYLE}</style></head><body>`,
    `<h1>Contract report <span class="verdict ${x(report.verdict)}" id="verdict">${x(report.verdict)}</span></h1>`,
    `<p id="summary">${summary.requests} requests, ${summary.violations} violations, ${summary.risks} risks, ${summary.notices} notices, ${summary.usage} usage findings; ${summary.failed} of ${summary.results} client/vendor results failed (fail on: <span id="fail-on">${x(report.failOn)}</span>)${report.requireCoverage === null ? '' : `; coverage required: ${report.requireCoverage}%`}. Generated ${x(report.generatedAt)}.</p>`,
    mockHtml(report),
    ...(report.results.length === 0 ? ['<p>No requests were recorded.</p>'] : report.results.map((result, index) => resultHtml(report, result, index))),
    ...report.vendorDepartures.map(departuresHtml),
    '</body></html>',
    '',
  ].join('\n');
}
