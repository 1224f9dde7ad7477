import { escapeMarkup as x } from '../escape-markup.js';
import { describeBreaks, operationName } from './drift-lines.js';
import type { DriftReport } from './drift-report.js';
import type { SpecChange } from './spec-change.js';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
.verdict{font-size:.8em;padding:.1em .5em;border-radius:.3em;color:#fff}.safe{background:#1a7f37}.breaks{background:#cf222e}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}td.num{text-align:right}
code{font-family:ui-monospace,monospace;font-size:12px}details summary{cursor:pointer}
`;

function changeTable(title: string, changes: SpecChange[]): string {
  if (changes.length === 0) return '';
  const rows = changes
    .map(
      (c) =>
        `<tr><td>${x(`${c.method} ${c.path}`)}</td><td><code>${x(c.kind)}</code></td><td>${x(c.location)}</td><td><code>${x(c.pointer || '/')}</code></td><td>${x(c.message)}</td></tr>`,
    )
    .join('');
  return `<details${title === 'Breaking' ? ' open' : ''}><summary>${x(title)} (${changes.length})</summary><table><thead><tr><th>operation</th><th>kind</th><th>location</th><th>pointer</th><th>change</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

/** The drift report as one self-contained HTML page (no scripts, every value escaped). */
export function renderDriftHtml(report: DriftReport): string {
  const { summary } = report;
  const vendors = report.vendors.map((vendor) => {
    const rows = vendor.operations
      .map((operation) => {
        const breaks = describeBreaks(operation);
        const detail = breaks.length === 0 ? '' : `<ul>${breaks.map((line) => `<li>${x(line)}</li>`).join('')}</ul>`;
        return `<tr data-operation="${x(operation.operationId)}"><td>${x(operationName(operation))}</td><td class="num">${operation.requests}</td><td><span class="verdict ${operation.breaks ? 'breaks' : 'safe'}">${operation.breaks ? 'breaks' : 'ok'}</span>${detail}</td></tr>`;
      })
      .join('');
    const table =
      vendor.operations.length === 0
        ? '<p>The recorded traffic used no operation of this vendor.</p>'
        : `<table><thead><tr><th>operation</th><th>requests</th><th>on the new spec</th></tr></thead><tbody>${rows}</tbody></table>`;
    const { breaking, nonBreaking, unclassified } = vendor.specDiff;
    const diff =
      breaking.length + nonBreaking.length + unclassified.length === 0
        ? '<p>The two versions do not differ structurally.</p>'
        : changeTable('Breaking', breaking) + changeTable('Non-breaking', nonBreaking) + changeTable('Unclassified', unclassified);
    return `<section><h2>${x(vendor.vendor)}: ${x(vendor.oldSpec.version)} → ${x(vendor.newSpec.version)}</h2><p>Old: <code>${x(vendor.oldSpec.file)}</code>, new: <code>${x(vendor.newSpec.file)}</code>.</p>${table}<h3>Spec diff</h3>${diff}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>returns-mock spec drift: ${x(report.verdict)}</title><style>${STYLE}</style></head>
<body><h1>Spec drift <span id="verdict" class="verdict ${x(report.verdict)}">${x(report.verdict)}</span></h1>
<p id="summary">${summary.requests} recorded requests re-validated: ${summary.refused} would be refused, ${summary.driftedAnswers} answers no longer fit, ${summary.operationsGone} used operations gone, ${summary.newRequiredFields} new required fields; ${summary.breakingChanges} breaking changes in the specs.</p>
<p>Traffic from <code>${x(report.source)}</code>, generated ${x(report.generatedAt)}.</p>
${vendors.join('\n')}
</body></html>
`;
}
