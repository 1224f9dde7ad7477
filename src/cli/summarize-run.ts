import type { ContractReport, UnmatchedRequest } from '../index.js';
import { describeNearMiss } from '../contract/describe-near-miss.js';

/** `1 request`, `2 requests`. */
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** What `returns-mock test` knows once the command has ended. */
export interface RunOutcome {
  report: ContractReport;
  /** The command's exit code (0: it succeeded). */
  commandCode: number;
  /** The base URL variables the command was given. */
  urls: Record<string, string>;
  /** Mounted vendors, with the variable of each one's base URL. */
  vendors: Array<{ id: string; variable: string }>;
  unmatched: UnmatchedRequest[];
  allowNoRequests: boolean;
}

/** Unmatched requests listed on the console at most; the reports and `/__admin/requests/unmatched` have them all. */
const LISTED_UNMATCHED = 5;

/**
 * The console summary and the exit code: a run in which no request reached a vendor fails (unless allowed), a failed
 * command leaves the contract not assessed rather than passed, and every failed rule is named with its count.
 */
export function summarizeRun({ report, commandCode, urls, vendors, unmatched, allowNoRequests }: RunOutcome): { lines: string[]; errors: string[]; code: number } {
  const noRequests = report.summary.requests === 0;
  const errors: string[] = [];
  let verdict: string;
  if (commandCode !== 0 && report.verdict !== 'fail') verdict = `NOT ASSESSED (the command exited with ${commandCode}; ${plural(report.summary.requests, 'request')} recorded)`;
  else if (noRequests && !allowNoRequests) verdict = 'FAIL (no request reached the mock)';
  else verdict = report.verdict.toUpperCase() + (noRequests ? ' (no requests; --allow-no-requests)' : '');
  const lines = [`returns-mock: contract verdict ${verdict}`];
  for (const result of report.results) {
    const count = (groups: typeof result.violations) => groups.reduce((sum, group) => sum + group.count, 0);
    const notices = count(result.risks) + count(result.notices) === 0 ? '' : `, ${plural(count(result.risks), 'risk')}, ${plural(count(result.notices), 'notice')}`;
    lines.push(
      `  ${result.verdict.toUpperCase()} ${result.client} → ${result.vendor}: coverage ${result.coverage.exercised}/${result.coverage.offered} (${result.coverage.percent}%), ${plural(result.requests, 'request')}, ${plural(count(result.violations), 'violation')}${notices}`,
    );
    if (result.verdict !== 'fail') continue;
    // The findings that failed the verdict: violations, and risks or notices when --fail-on counts them.
    const failing = [...result.violations, ...(report.failOn === 'violation' ? [] : result.risks), ...(report.failOn === 'notice' ? result.notices : [])];
    for (const group of failing) lines.push(`    ${group.code} ×${group.count}: ${group.operationId ?? '(no operation)'} ${group.location} ${group.pointer || '/'}`);
    for (const reason of result.reasons.filter((text) => text.startsWith('coverage'))) lines.push(`    ${reason}`);
  }
  const called = new Set(report.results.map((result) => result.vendor));
  const notCalled = vendors.filter((vendor) => !called.has(vendor.id));
  if (!noRequests && notCalled.length > 0)
    lines.push(`  not called: ${notCalled.map((vendor) => `${vendor.id} (${vendor.variable})`).join(', ')}; mount only the vendors the client uses with --vendor`);
  if (unmatched.length > 0) {
    lines.push(`  ${plural(unmatched.length, 'request')} matched no operation:`);
    for (const request of unmatched.slice(0, LISTED_UNMATCHED)) {
      const nearest = request.nearMisses[0];
      lines.push(`    ${request.method} ${request.path} → ${request.status}${nearest === undefined ? '' : `; near miss: ${describeNearMiss(nearest)}`}`);
    }
    if (unmatched.length > LISTED_UNMATCHED) lines.push(`    … and ${unmatched.length - LISTED_UNMATCHED} more (see the reports)`);
  }
  if (noRequests && !allowNoRequests && commandCode === 0) {
    const given = Object.entries(urls)
      .map(([name, value]) => `${name}=${value}`)
      .join(', ');
    errors.push(
      `returns-mock: no request reached the mock, so no contract was checked. The command was given ${given}: does the client read them, or does it still call the real vendor? (--allow-no-requests lets a run without requests pass)`,
    );
  }
  const code = commandCode !== 0 ? commandCode : noRequests && !allowNoRequests ? 1 : report.verdict === 'fail' ? 1 : 0;
  return { lines, errors, code };
}
