import type { NearMiss, NearMissDifference } from './rank-near-misses.js';

/** One difference in words: `segment 'return' should be 'returns'`. */
export function describeDifference({ kind, expected, actual }: NearMissDifference): string {
  switch (kind) {
    case 'method':
      return `method ${actual} should be ${expected}`;
    case 'prefix':
    case 'path-segment': {
      const what = kind === 'prefix' ? 'prefix segment' : 'segment';
      if (actual === '') return `missing ${what} '${expected}'`;
      if (expected === '') return `extra ${what} '${actual}'`;
      return `${what} '${actual}' should be '${expected}'`;
    }
    case 'letter-case':
      return `letter case: '${actual}' should be '${expected}'`;
    case 'trailing-slash':
      return actual.endsWith('/') ? 'no trailing slash' : 'a trailing slash';
    case 'content-type':
      return expected === '' ? `takes no body (sent ${actual})` : `content type ${actual} should be ${expected}`;
  }
}

/** A near miss in one line: `emporix listReturns GET /emporix/return/{tenant}/returns: segment 'return' should be 'returns'`. */
export const describeNearMiss = (miss: NearMiss): string =>
  `${miss.vendor} ${miss.operationId} ${miss.method} ${miss.path}: ${miss.differences.map(describeDifference).join('; ')}`;
