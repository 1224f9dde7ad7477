import { escapeMarkup as x } from '../escape-markup.js';
import { describeBreaks, operationName } from './drift-lines.js';
import type { DriftReport } from './drift-report.js';

/** The drift report as JUnit XML: a suite per vendor, a case per operation the recorded traffic used. */
export function renderDriftJunit(report: DriftReport): string {
  const suites = report.vendors.map((vendor) => ({ vendor, cases: vendor.operations.map((operation) => ({ name: operationName(operation), breaks: describeBreaks(operation) })) }));
  const all = suites.flatMap((suite) => suite.cases);
  const failures = (cases: typeof all) => cases.filter((c) => c.breaks.length > 0).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="returns-mock drift" tests="${all.length}" failures="${failures(all)}" errors="0" timestamp="${x(report.generatedAt)}">`,
  ];
  for (const { vendor, cases } of suites) {
    lines.push(
      `  <testsuite name="${x(`${vendor.vendor}: ${vendor.oldSpec.version} → ${vendor.newSpec.version}`)}" tests="${cases.length}" failures="${failures(cases)}" errors="0" timestamp="${x(report.generatedAt)}">`,
    );
    for (const testCase of cases) {
      const open = `    <testcase classname="${x(`returns-mock.drift.${vendor.vendor}`)}" name="${x(testCase.name)}"`;
      if (testCase.breaks.length === 0) lines.push(`${open}/>`);
      else
        lines.push(
          `${open}>`,
          `      <failure message="${x(`${testCase.breaks.length} problem(s) on the new spec`)}" type="drift">${x(testCase.breaks.join('\n'))}</failure>`,
          '    </testcase>',
        );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
