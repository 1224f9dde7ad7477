import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, matchesQuery, parseEmporixQuery, parseEmporixSort, sortRecords } from '../../../src/vendors/emporix/query.js';

const returns = [
  {
    id: 'r1',
    approvalStatus: 'PENDING',
    received: false,
    orders: [{ id: 'EON107', items: [{ id: '1' }] }],
    mixins: { returnCustomAttributes: { orderQuantity: 20 } },
    metadata: { createdAt: '2021-05-18T07:27:27.455Z' },
  },
  {
    id: 'r2',
    approvalStatus: 'APPROVED',
    received: true,
    orders: [{ id: 'EON106' }],
    reason: { description: '' },
    mixins: { returnCustomAttributes: { orderQuantity: 10 } },
    metadata: { createdAt: '2021-05-19T07:27:27.455Z' },
  },
  { id: 'r3', approvalStatus: 'CLOSED', received: false, orders: [{ id: 'B1LMYY52' }], reason: { description: 'broken' }, metadata: { createdAt: '2021-05-21T00:00:00.000Z' } },
  { id: 'r4', approvalStatus: 'PENDING', received: false, orders: [{ id: 'EON107 EON106' }], metadata: { createdAt: '2021-05-22T00:00:00.000Z' } },
];

const ids = (q: string) => {
  const parsed = parseEmporixQuery(q);
  if (!parsed.ok) throw new Error(parsed.message);
  return returns.filter((r) => matchesQuery(r, parsed.terms)).map((r) => r.id);
};

describe('Emporix q language (every form the seed documents)', () => {
  it.each([
    ['approvalStatus:PENDING', ['r1', 'r4']],
    ['mixins.returnCustomAttributes.orderQuantity:20', ['r1']],
    ['mixins.returnCustomAttributes.orderQuantity:20.0', ['r1']],
    ['mixins.returnCustomAttributes.orderQuantity:2', []],
    ['mixins.returnCustomAttributes.orderQuantity:>10', ['r1']],
    ['mixins.returnCustomAttributes.orderQuantity:<20', ['r2']],
    ['mixins.returnCustomAttributes.orderQuantity:>=10', ['r1', 'r2']],
    ['mixins.returnCustomAttributes.orderQuantity:<=10', ['r2']],
    ['mixins.returnCustomAttributes.orderQuantity:(>=10 AND <=20)', ['r1', 'r2']],
    ['metadata.createdAt:(>="2021-05-18T07:27:27.455Z" AND <"2021-05-20T07:27:27.455Z")', ['r1', 'r2']],
    ['received:true', ['r2']],
    ['received:false', ['r1', 'r3', 'r4']],
    ['reason.description:null', ['r1', 'r2', 'r4']],
    ['reason:exists', ['r2', 'r3']],
    ['id:(r1,r3)', ['r1', 'r3']],
    ['approvalStatus:PENDING received:false', ['r1', 'r4']],
    ['id:(r1,r2) approvalStatus:APPROVED', ['r2']],
    ['orders.id:~EON107', ['r1', 'r4']],
    // The seed's form "for strings with a space": one regular expression `EON107 EON106`, not two alternatives.
    ['orders.id:(~EON107 EON106)', ['r4']],
    ['orders.id:(~^EON10[67]$)', ['r1', 'r2']],
    ['orders.items.id:1', ['r1']],
  ])('%s', (q, expected) => {
    expect(ids(q)).toEqual(expected);
  });

  it.each([
    ['approvalStatus', 'is not of the form field:value'],
    ['id:(r1,r2', 'unbalanced'],
    ['code:~[a-', 'not a valid regular expression'],
    ['x'.repeat(MAX_QUERY_LENGTH + 1), 'must not be longer'],
  ])('refuses %s', (q, message) => {
    const parsed = parseEmporixQuery(q);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain(message);
  });
});

describe('Emporix sort', () => {
  const sorted = (sort: string) => {
    const parsed = parseEmporixSort(sort);
    if (!parsed.ok) throw new Error(parsed.message);
    return sortRecords(returns, parsed.keys).map((r) => r.id);
  };

  it('sorts by several fields, descending only for desc/DESC, missing values last', () => {
    expect(sorted('metadata.createdAt:desc')).toEqual(['r4', 'r3', 'r2', 'r1']);
    expect(sorted('received,metadata.createdAt:DESC')).toEqual(['r4', 'r3', 'r1', 'r2']);
    expect(sorted('mixins.returnCustomAttributes.orderQuantity:asc')).toEqual(['r2', 'r1', 'r3', 'r4']);
    expect(sorted('metadata.createdAt:Desc')).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it.each(['metadata.createdAt;desc', 'id,', ':desc', 'a b'])('refuses %s, which names no field', (sort) => {
    const parsed = parseEmporixSort(sort);
    expect(parsed.ok ? '' : parsed.message).toContain('is not of the form field');
  });
});
