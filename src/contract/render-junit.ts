import { countedLevels, type ClientVendorResult, type ContractReport, type FailOn, type ViolationGroup } from './contract-report.js';
import { describeRequest, operationLabel } from './describe-request.js';
import { escapeMarkup as x } from './escape-markup.js';

interface TestCase {
  name: string;
  failure?: { message: string; text: string };
  skipped?: string;
  /** Findings that do not fail the case (risks, notices, usage, unless `failOn` counts them), as `system-out`. */
  output?: string;
}

const groupText = (group: ViolationGroup) =>
  `${group.code} at ${group.location} ${group.pointer || '/'} (${group.count}×): ${group.message}\n  level: ${group.level} (source: ${group.source})\n  spec: ${group.specPointer}\n  first: ${describeRequest(group.firstRequest)}`;

/** Findings the verdict counts (violations, and risks or notices as `failOn` says) fail a case; the others are its `system-out`. */
function casesOf(result: ClientVendorResult, requireCoverage: number | null, failOn: FailOn): TestCase[] {
  const counted: readonly string[] = countedLevels(failOn);
  const all = [...result.violations, ...result.risks, ...result.notices, ...result.usage];
  const findingsOf = (operationId: string | null) => {
    const own = all.filter((group) => group.operationId === operationId);
    const failing = own.filter((group) => counted.includes(group.level));
    const passing = own.filter((group) => !counted.includes(group.level));
    return {
      count: failing.reduce((sum, group) => sum + group.count, 0),
      text: failing.map(groupText).join('\n'),
      ...(passing.length === 0 ? {} : { output: passing.map(groupText).join('\n') }),
    };
  };
  const cases: TestCase[] = result.operations.map((operation) => {
    const name = `${operation.operationId} (${operation.method} ${operation.pathTemplate})`;
    const { count, text, output } = findingsOf(operation.operationId);
    const shown = output === undefined ? {} : { output };
    if (count > 0) return { name, failure: { message: `${count} contract finding${count === 1 ? '' : 's'} (fail on ${failOn})`, text }, ...shown };
    // An operation the client never called is no failure of the client, unless coverage is required (then the coverage case fails).
    if (!operation.exercised) return { name, skipped: 'not exercised' };
    return { name, ...shown };
  });
  if (result.unmatchedRequests > 0) {
    const { text, output } = findingsOf(null);
    cases.push({
      name: `${operationLabel(null)}: requests matching no operation`,
      failure: { message: `${result.unmatchedRequests} request(s) matched no operation`, text },
      ...(output === undefined ? {} : { output }),
    });
  }
  if (requireCoverage !== null) {
    const { exercised, offered, percent } = result.coverage;
    const name = `coverage ≥ ${requireCoverage}%`;
    cases.push(
      percent < requireCoverage
        ? {
            name,
            failure: {
              message: `coverage ${percent}% (${exercised} of ${offered} operations)`,
              text: result.operations
                .filter((o) => !o.exercised)
                .map((o) => `not exercised: ${o.operationId}`)
                .join('\n'),
            },
          }
        : { name },
    );
  }
  return cases;
}

/**
 * Proxy mode: a suite per vendor of where its upstream departs from its documentation, a case per finding group with
 * the details as `system-out`. Not a failure: the vendor's findings never fail the client's build.
 */
function departureSuites(report: ContractReport): string[] {
  return report.vendorDepartures.flatMap((departures) => {
    const classname = x(`returns-mock.${departures.vendor}.vendor-departures`);
    const suite = `  <testsuite name="${x(`${departures.vendor}: where the vendor departs from its documentation`)}" tests="${departures.findings.length}" failures="0" skipped="0" errors="0" timestamp="${x(report.generatedAt)}">`;
    const cases = departures.findings.flatMap((group) => [
      `    <testcase classname="${classname}" name="${x(`${operationLabel(group.operationId)}: ${group.code} at ${group.location} ${group.pointer || '/'}`)}">`,
      `      <system-out>${x(`vendor departure (${group.count}×): ${group.message}\n  spec: ${group.specPointer}\n  first: ${describeRequest(group.firstRequest)}`)}</system-out>`,
      '    </testcase>',
    ]);
    return [suite, ...cases, '  </testsuite>'];
  });
}

/** The report as JUnit XML: a test suite per client and vendor, a test case per operation of the spec. */
export function renderJunit(report: ContractReport): string {
  const suites = report.results.map((result) => ({ result, cases: casesOf(result, report.requireCoverage, report.failOn) }));
  const count = (cases: TestCase[], kind: 'failure' | 'skipped') => cases.filter((c) => c[kind] !== undefined).length;
  const all = suites.flatMap((suite) => suite.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="returns-mock contract" tests="${all.length}" failures="${count(all, 'failure')}" skipped="${count(all, 'skipped')}" errors="0" timestamp="${x(report.generatedAt)}">`,
  ];
  for (const { result, cases } of suites) {
    const classname = x(`returns-mock.${result.vendor}.${result.client}`);
    lines.push(
      `  <testsuite name="${x(`${result.client} → ${result.vendor}`)}" tests="${cases.length}" failures="${count(cases, 'failure')}" skipped="${count(cases, 'skipped')}" errors="0" timestamp="${x(report.generatedAt)}">`,
    );
    for (const testCase of cases) {
      const open = `    <testcase classname="${classname}" name="${x(testCase.name)}"`;
      const output = testCase.output === undefined ? [] : [`      <system-out>${x(testCase.output)}</system-out>`];
      if (testCase.failure !== undefined)
        lines.push(`${open}>`, `      <failure message="${x(testCase.failure.message)}" type="contract">${x(testCase.failure.text)}</failure>`, ...output, '    </testcase>');
      else if (testCase.skipped !== undefined) lines.push(`${open}>`, `      <skipped message="${x(testCase.skipped)}"/>`, '    </testcase>');
      else if (output.length > 0) lines.push(`${open}>`, ...output, '    </testcase>');
      else lines.push(`${open}/>`);
    }
    lines.push('  </testsuite>');
  }
  lines.push(...departureSuites(report), '</testsuites>', '');
  return lines.join('\n');
}
