import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, matchesQuery, parseEmporixQuery, sortRecords } from '../../../src/vendors/emporix/query.js';

const returns = [
  { id: 'r1', approvalStatus: 'PENDING', received: false, orders: [{ id: 'EON107', items: [{ id: '1' }] }], mixins: { returnCustomAttributes: { orderQuantity: 20 } }, metadata: { createdAt: '2021-05-18T07:27:27.455Z' } },
  { id: 'r2', approvalStatus: 'APPROVED', received: true, orders: [{ id: 'EON106' }], reason: { description: '' }, mixins: { returnCustomAttributes: { orderQuantity: 10 } }, metadata: { createdAt: '2021-05-19T07:27:27.455Z' } },
  { id: 'r3', approvalStatus: 'CLOSED', received: false, orders: [{ id: 'B1LMYY52' }], reason: { description: 'broken' }, metadata: { createdAt: '2021-05-21T00:00:00.000Z' } },
];

const ids = (q: string) => {
  const parsed = parseEmporixQuery(q);
  if (!parsed.ok) throw new Error(parsed.message);
  return returns.filter((r) => matchesQuery(r, parsed.terms)).map((r) => r.id);
};

describe('Emporix q language (every form the seed documents)', () => {
  it.each([
    ['approvalStatus:PENDING', ['r1']],
    ['mixins.returnCustomAttributes.orderQuantity:20', ['r1']],
    ['mixins.returnCustomAttributes.orderQuantity:>10', ['r1']],
    ['mixins.returnCustomAttributes.orderQuantity:<20', ['r2']],
    ['mixins.returnCustomAttributes.orderQuantity:>=10', ['r1', 'r2']],
    ['mixins.returnCustomAttributes.orderQuantity:<=10', ['r2']],
    ['mixins.returnCustomAttributes.orderQuantity:(>=10 AND <=20)', ['r1', 'r2']],
    ['metadata.createdAt:(>="2021-05-18T07:27:27.455Z" AND <"2021-05-20T07:27:27.455Z")', ['r1', 'r2']],
    ['received:true', ['r2']],
    ['reason.description:null', ['r1', 'r2']],
    ['reason:exists', ['r2', 'r3']],
    ['id:(r1,r3)', ['r1', 'r3']],
    ['approvalStatus:PENDING received:false', ['r1']],
    ['id:(r1,r2) approvalStatus:APPROVED', ['r2']],
    ['orders.id:~EON107', ['r1']],
    ['orders.id:(~EON107 EON106)', ['r1', 'r2']],
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
  it('sorts by several fields, descending only for desc/DESC, missing values last', () => {
    expect(sortRecords(returns, 'metadata.createdAt:desc').map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
    expect(sortRecords(returns, 'received,metadata.createdAt:DESC').map((r) => r.id)).toEqual(['r3', 'r1', 'r2']);
    expect(sortRecords(returns, 'mixins.returnCustomAttributes.orderQuantity:asc').map((r) => r.id)).toEqual(['r2', 'r1', 'r3']);
  });
});
