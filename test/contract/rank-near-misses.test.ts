import { describe, expect, it } from 'vitest';
import { editDistance, MAX_NEAR_MISSES, rankNearMisses, type NearMissTarget } from '../../src/contract/rank-near-misses.js';

const emporix = (operationId: string, method: string, pathTemplate: string, requestMediaTypes: string[] = []): NearMissTarget => ({
  vendor: 'emporix',
  prefix: '/emporix',
  operationId,
  method,
  pathTemplate,
  requestMediaTypes,
});
const json = ['application/json'];
/** Emporix's operations in its spec's order, and one JTL operation: the ranking runs over every mounted vendor. */
const targets: NearMissTarget[] = [
  emporix('listReturns', 'GET', '/return/{tenant}/returns'),
  emporix('createReturn', 'POST', '/return/{tenant}/returns', json),
  emporix('getReturn', 'GET', '/return/{tenant}/returns/{returnId}'),
  emporix('updateReturn', 'PUT', '/return/{tenant}/returns/{returnId}', json),
  emporix('deleteReturn', 'DELETE', '/return/{tenant}/returns/{returnId}'),
  emporix('patchReturn', 'PATCH', '/return/{tenant}/returns/{returnId}', ['application/merge-patch+json']),
  { vendor: 'jtl', prefix: '/jtl', operationId: 'createReturn', method: 'POST', pathTemplate: '/erp/returns', requestMediaTypes: json },
];

describe('rankNearMisses', () => {
  it.each([
    ['a missing letter in a segment', { method: 'GET', path: '/emporix/return/acme/return' }, 'listReturns', [{ kind: 'path-segment', expected: 'returns', actual: 'return' }]],
    [
      'a trailing slash',
      { method: 'POST', path: '/emporix/return/acme/returns/', contentType: 'application/json' },
      'createReturn',
      [{ kind: 'trailing-slash', expected: '/emporix/return/{tenant}/returns', actual: '/emporix/return/acme/returns/' }],
    ],
    ['letter case', { method: 'GET', path: '/emporix/Return/acme/returns/r-1' }, 'getReturn', [{ kind: 'letter-case', expected: 'return', actual: 'Return' }]],
    ['a mistyped prefix', { method: 'GET', path: '/emporx/return/acme/returns' }, 'listReturns', [{ kind: 'prefix', expected: 'emporix', actual: 'emporx' }]],
    ['a missing prefix', { method: 'GET', path: '/return/acme/returns' }, 'listReturns', [{ kind: 'prefix', expected: 'emporix', actual: '' }]],
    [
      'a method no operation of the path has',
      { method: 'POST', path: '/emporix/return/acme/returns/r-1', contentType: 'application/json' },
      'updateReturn',
      [{ kind: 'method', expected: 'PUT', actual: 'POST' }],
    ],
    [
      'a wrong method and content type',
      { method: 'POST', path: '/emporix/return/acme/returns/r-1', contentType: 'application/merge-patch+json' },
      'patchReturn',
      [{ kind: 'method', expected: 'PATCH', actual: 'POST' }],
    ],
    [
      'a content type the operation does not take, besides a typo',
      { method: 'POST', path: '/jtl/erp/return', contentType: 'text/plain' },
      'createReturn',
      [
        { kind: 'path-segment', expected: 'returns', actual: 'return' },
        { kind: 'content-type', expected: 'application/json', actual: 'text/plain' },
      ],
    ],
    ['an extra segment', { method: 'GET', path: '/emporix/return/acme/returns/r-1/items' }, 'getReturn', [{ kind: 'path-segment', expected: '', actual: 'items' }]],
  ])('ranks first the operation meant despite %s', (_, request, operationId, differences) => {
    const [first] = rankNearMisses(request, targets);
    expect(first?.operationId).toBe(operationId);
    expect(first?.differences).toEqual(differences);
    expect(first?.distance).toBeGreaterThan(0);
  });

  it('orders by distance, at most the limit, and names the full path and vendor', () => {
    const ranked = rankNearMisses({ method: 'GET', path: '/emporix/return/acme/return' }, targets);
    expect(ranked[0]!.operationId).toBe('listReturns');
    expect(ranked).toHaveLength(MAX_NEAR_MISSES);
    expect(ranked[0]).toMatchObject({ vendor: 'emporix', method: 'GET', path: '/emporix/return/{tenant}/returns' });
    for (let i = 1; i < ranked.length; i += 1) expect(ranked[i]!.distance).toBeGreaterThanOrEqual(ranked[i - 1]!.distance);
  });

  it('offers nothing for a path like no operation, and never a matching operation', () => {
    expect(rankNearMisses({ method: 'GET', path: '/nothing/like/any/operation/at/all' }, targets)).toEqual([]);
    expect(rankNearMisses({ method: 'GET', path: '/emporix/return/acme/returns' }, targets).map((miss) => miss.operationId)).not.toContain('listReturns');
  });

  it.each([
    ['', '', 0],
    ['return', 'returns', 1],
    ['kitten', 'sitting', 3],
  ])('editDistance(%s, %s) = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});
