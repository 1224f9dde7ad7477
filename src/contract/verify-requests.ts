import { describeNearMiss } from './describe-near-miss.js';
import type { JournalEntry } from './journal-entry.js';
import type { UnmatchedRequest } from './list-unmatched.js';
import { compareWithOperation, rankNearMisses, type NearMissTarget } from './rank-near-misses.js';
import { describePattern, type RequestPattern } from './request-pattern.js';

/** How many matching requests `verify` expects: exactly `times`, or between `atLeast` and `atMost` (default: at least one). */
export interface VerifyCount {
  times?: number;
  atLeast?: number;
  atMost?: number;
}

/** Requests listed in a failure message at most: enough to see what happened, short enough to read. */
const LISTED = 10;

const isCount = (value: unknown) => value === undefined || (Number.isInteger(value) && (value as number) >= 0);

/** Checks a `verify` expectation; throws a TypeError naming the bad option. */
export function checkVerifyCount(count: VerifyCount): void {
  for (const key of ['times', 'atLeast', 'atMost'] as const)
    if (!isCount(count[key])) throw new TypeError(`verify: ${key} must be a whole number of at least 0, not ${String(count[key])}`);
  if (count.times !== undefined && (count.atLeast !== undefined || count.atMost !== undefined)) throw new TypeError('verify: give times, or atLeast and/or atMost, not both');
  if (count.atLeast !== undefined && count.atMost !== undefined && count.atLeast > count.atMost)
    throw new TypeError(`verify: atLeast ${count.atLeast} is more than atMost ${count.atMost}`);
}

/** The expectation in words: `exactly 2 requests`, `at least 1 request`, `between 1 and 3 requests`. */
function expectationText({ times, atLeast, atMost }: VerifyCount): string {
  const requests = (n: number) => `${n} request${n === 1 ? '' : 's'}`;
  if (times !== undefined) return `exactly ${requests(times)}`;
  if (atLeast !== undefined && atMost !== undefined) return `between ${atLeast} and ${requests(atMost)}`;
  if (atMost !== undefined) return `at most ${requests(atMost)}`;
  return `at least ${requests(atLeast ?? 1)}`;
}

/** Whether `n` matching requests meet the expectation. */
export function meetsCount(n: number, { times, atLeast, atMost }: VerifyCount): boolean {
  if (times !== undefined) return n === times;
  return n >= (atLeast ?? (atMost === undefined ? 1 : 0)) && (atMost === undefined || n <= atMost);
}

const entryLine = (entry: JournalEntry, fullPath: string) =>
  `#${entry.seq} ${entry.method} ${fullPath}${entry.request.query === '' ? '' : `?${entry.request.query}`} → ${entry.outcome === 'answered' ? entry.status : entry.outcome} (${entry.vendor} ${entry.operationId ?? 'no operation'}, client ${entry.client})`;

export interface VerifyInput {
  pattern: RequestPattern;
  count: VerifyCount;
  matched: readonly JournalEntry[];
  unmatched: readonly UnmatchedRequest[];
  targets: readonly NearMissTarget[];
  fullPathOf: (entry: JournalEntry) => string;
  /** Entries dropped for the journal limit: a count may then be short. */
  dropped: number;
}

/**
 * The failure message of a `verify` whose count is not met, or `undefined` when it is: what matched, the requests that
 * matched no operation with their near misses, and, when the pattern's own path names no operation, the closest ones.
 */
export function explainVerification({ pattern, count, matched, unmatched, targets, fullPathOf, dropped }: VerifyInput): string | undefined {
  if (meetsCount(matched.length, count)) return undefined;
  const lines = [`Expected ${expectationText(count)} matching ${describePattern(pattern)}, but ${matched.length} matched.`];
  if (matched.length > 0) {
    lines.push(`Matched (${matched.length}):`, ...matched.slice(0, LISTED).map((entry) => `  ${entryLine(entry, fullPathOf(entry))}`));
    if (matched.length > LISTED) lines.push(`  … and ${matched.length - LISTED} more`);
  }
  if (unmatched.length > 0) {
    lines.push(`Requests that matched no operation (${unmatched.length}), with their near misses:`);
    for (const request of unmatched.slice(-LISTED)) {
      lines.push(`  ${request.seq === null ? '(no vendor)' : `#${request.seq}`} ${request.method} ${request.path} → ${request.status} (client ${request.client})`);
      lines.push(...(request.nearMisses.length === 0 ? ['    no operation is close'] : request.nearMisses.map((miss) => `    near miss: ${describeNearMiss(miss)}`)));
    }
  }
  if (pattern.path !== undefined) {
    const path = pattern.path.split('?')[0]!;
    const request = { method: pattern.method, path };
    const exact = targets.some((target) => compareWithOperation(request, target).distance === 0);
    const candidates = exact ? [] : rankNearMisses(request, targets);
    if (candidates.length > 0) lines.push(`The pattern's path ${path} is no operation's; the closest:`, ...candidates.map((miss) => `  near miss: ${describeNearMiss(miss)}`));
  }
  if (dropped > 0) lines.push(`(${dropped} older requests were dropped for the journal limit and not counted.)`);
  return lines.join('\n');
}
