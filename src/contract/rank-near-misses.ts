/** An operation a request may have been meant for: a mounted vendor's operation, its path below the server root. */
export interface NearMissTarget {
  vendor: string;
  /** The vendor's mount prefix, e.g. `/emporix`. */
  prefix: string;
  operationId: string;
  method: string;
  /** The spec's path template below the prefix, e.g. `/return/{tenant}/returns`. */
  pathTemplate: string;
  /** Media types the operation's request body accepts; empty when it takes none. */
  requestMediaTypes: readonly string[];
}

/** A request that matched no operation, as the ranking needs it. */
export interface MissedRequest {
  /** Absent: any method (a verification pattern that names none). */
  method?: string;
  /** The path below the server root as sent, prefix included, without the query string. */
  path: string;
  /** The request's `Content-Type`, when it sent a body. */
  contentType?: string;
}

export type NearMissDifferenceKind = 'method' | 'prefix' | 'path-segment' | 'letter-case' | 'trailing-slash' | 'content-type';

/** One way the request differs from the operation. */
export interface NearMissDifference {
  kind: NearMissDifferenceKind;
  /** What the operation wants (`''` for a segment the request has too many of). */
  expected: string;
  /** What the request sent (`''` for a segment it lacks). */
  actual: string;
}

export interface NearMiss {
  vendor: string;
  operationId: string;
  method: string;
  /** The operation's full path template, prefix included. */
  path: string;
  /** Distance from the request: lower is closer; 0 would be a match. */
  distance: number;
  differences: NearMissDifference[];
}

/**
 * Weights of each difference: a wrong method or a missing segment weighs more than a letter's case or a trailing slash;
 * a wrong method on the exact path is a little likelier than a segment too many (`POST /returns/r-1` meant `PUT`).
 */
const COST = { method: 0.9, missingSegment: 1, letterCase: 0.2, trailingSlash: 0.2, contentType: 0.5 } as const;

/** Beyond this distance an operation is no longer a plausible target. */
export const MAX_NEAR_MISS_DISTANCE = 2.5;

/** How many near misses a request gets at most. */
export const MAX_NEAR_MISSES = 3;

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

interface TemplateSegment {
  text: string;
  /** A `{parameter}` segment takes any non-empty value. */
  parameter: boolean;
  inPrefix: boolean;
}

/** The cost of putting `actual` where the operation has `segment`, and the difference it makes. */
function compareSegment(actual: string, segment: TemplateSegment): { cost: number; difference?: NearMissDifference } {
  if (segment.parameter ? actual !== '' : actual === segment.text) return { cost: 0 };
  if (actual.toLowerCase() === segment.text.toLowerCase()) return { cost: COST.letterCase, difference: { kind: 'letter-case', expected: segment.text, actual } };
  // A near spelling (`return` for `returns`) costs less than an unrelated word, so the closest template wins.
  const similarity = editDistance(actual.toLowerCase(), segment.text.toLowerCase()) / Math.max(actual.length, segment.text.length, 1);
  return { cost: 0.4 + 0.6 * similarity, difference: { kind: segment.inPrefix ? 'prefix' : 'path-segment', expected: segment.text, actual } };
}

const splitPath = (path: string) => (path.replace(/^\/+/, '') === '' ? [] : path.replace(/^\/+/, '').split('/'));

/** Aligns the request's segments with the template's (an edit distance over segments) and lists the differences on the cheapest alignment. */
function alignSegments(actual: string[], template: TemplateSegment[]): { cost: number; differences: NearMissDifference[] } {
  const rows = actual.length + 1;
  const cols = template.length + 1;
  const cost: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 1; i < rows; i += 1) cost[i]![0] = i * COST.missingSegment;
  for (let j = 1; j < cols; j += 1) cost[0]![j] = j * COST.missingSegment;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      cost[i]![j] = Math.min(
        cost[i - 1]![j]! + COST.missingSegment,
        cost[i]![j - 1]! + COST.missingSegment,
        cost[i - 1]![j - 1]! + compareSegment(actual[i - 1]!, template[j - 1]!).cost,
      );
    }
  }
  const differences: NearMissDifference[] = [];
  let i = actual.length;
  let j = template.length;
  while (i > 0 || j > 0) {
    const here = cost[i]![j]!;
    // On a tie a segment too many is the request's last one (`/returns/r-1/items`: `items`, not `r-1`, is extra).
    if (i > 0 && Math.abs(cost[i - 1]![j]! + COST.missingSegment - here) < 1e-9) {
      differences.unshift({ kind: j < template.length && template[j]!.inPrefix ? 'prefix' : 'path-segment', expected: '', actual: actual[i - 1]! });
      i -= 1;
      continue;
    }
    if (i > 0 && j > 0) {
      const compared = compareSegment(actual[i - 1]!, template[j - 1]!);
      if (Math.abs(cost[i - 1]![j - 1]! + compared.cost - here) < 1e-9) {
        if (compared.difference !== undefined) differences.unshift(compared.difference);
        i -= 1;
        j -= 1;
        continue;
      }
    }
    if (j > 0 && (i === 0 || Math.abs(cost[i]![j - 1]! + COST.missingSegment - here) < 1e-9)) {
      const segment = template[j - 1]!;
      differences.unshift({ kind: segment.inPrefix ? 'prefix' : 'path-segment', expected: segment.text, actual: '' });
      j -= 1;
    } else {
      differences.unshift({ kind: j < template.length && template[j]!.inPrefix ? 'prefix' : 'path-segment', expected: '', actual: actual[i - 1]! });
      i -= 1;
    }
  }
  return { cost: cost[actual.length]![template.length]!, differences };
}

const baseMediaType = (value: string) => value.split(';')[0]!.trim().toLowerCase();

/** Whether a request's content type is one the operation accepts (`*\/*` and `type/*` ranges included). */
function acceptsMediaType(offered: readonly string[], contentType: string): boolean {
  const wanted = baseMediaType(contentType);
  return offered.some((media) => {
    const base = baseMediaType(media);
    return base === wanted || base === '*/*' || (base.endsWith('/*') && wanted.startsWith(base.slice(0, -1)));
  });
}

/** How far a request is from one operation, with every difference. */
export function compareWithOperation(request: MissedRequest, target: NearMissTarget): NearMiss {
  const differences: NearMissDifference[] = [];
  let distance = 0;
  const wanted = target.method.toUpperCase();
  const method = request.method?.toUpperCase() ?? wanted;
  // HEAD is served by GET (RFC 9110): not a difference.
  if (method !== wanted && !(method === 'HEAD' && wanted === 'GET')) {
    distance += COST.method;
    differences.push({ kind: 'method', expected: wanted, actual: method });
  }
  const fullTemplate = `${target.prefix}${target.pathTemplate}`;
  const trailing = request.path.length > 1 && request.path.endsWith('/');
  if (trailing !== (fullTemplate.length > 1 && fullTemplate.endsWith('/'))) {
    distance += COST.trailingSlash;
    differences.push({ kind: 'trailing-slash', expected: fullTemplate, actual: request.path });
  }
  const prefixSegments = splitPath(target.prefix).map((text) => ({ text, parameter: false, inPrefix: true }));
  const templateSegments = splitPath(target.pathTemplate.replace(/\/$/, '')).map((text) => ({ text, parameter: /^\{[^}]+\}$/.test(text), inPrefix: false }));
  const aligned = alignSegments(splitPath(request.path.replace(/(.)\/$/, '$1')), [...prefixSegments, ...templateSegments]);
  distance += aligned.cost;
  differences.push(...aligned.differences);
  // A body the operation does not take at all differs too: `expected` is then empty.
  if (request.contentType !== undefined && !acceptsMediaType(target.requestMediaTypes, request.contentType)) {
    distance += COST.contentType;
    differences.push({ kind: 'content-type', expected: target.requestMediaTypes.join(', '), actual: request.contentType });
  }
  return { vendor: target.vendor, operationId: target.operationId, method: wanted, path: fullTemplate, distance: Math.round(distance * 1000) / 1000, differences };
}

/**
 * The operations a request that matched nothing was most likely meant for, closest first (ties: fewer differences,
 * then the spec's order), at most {@link MAX_NEAR_MISSES} and none beyond {@link MAX_NEAR_MISS_DISTANCE}.
 * @example rankNearMisses({ method: 'GET', path: '/emporix/return/acme/return' }, targets)[0].operationId // 'listReturns'
 */
export function rankNearMisses(request: MissedRequest, targets: readonly NearMissTarget[], limit = MAX_NEAR_MISSES): NearMiss[] {
  return targets
    .map((target, order) => ({ miss: compareWithOperation(request, target), order }))
    .filter(({ miss }) => miss.distance > 0 && miss.distance <= MAX_NEAR_MISS_DISTANCE)
    .sort((a, b) => a.miss.distance - b.miss.distance || a.miss.differences.length - b.miss.differences.length || a.order - b.order)
    .slice(0, limit)
    .map(({ miss }) => miss);
}
