import { AssertionError } from 'node:assert';
import { describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';

const employee = { authorization: 'Bearer employee-token' };
const base = '/emporix/return/acme/returns';
const employeeReturn = {
  orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1, reason: { code: '001' } }] }],
  reason: { code: '001' },
  requestor: { customerId: 'c-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
};

/** The assertion error `verify` throws, or fails the test when it throws none. */
function verifyError(run: () => void): AssertionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AssertionError);
    return error as AssertionError;
  }
  throw new Error('verify did not throw');
}

describe('mock.requests, mock.count and mock.verify', async () => {
  const mock = await createTestMock({ vendors: ['emporix'] });
  await mock.send('GET', base, { headers: employee });
  await mock.send('GET', base, { headers: employee });
  await mock.send('POST', base, { headers: employee, body: employeeReturn });
  await mock.send('GET', '/emporix/return/acme/return', { headers: employee });

  it('counts the known mix exactly, as POST /__admin/requests/count does', async () => {
    const patterns = [{}, { operationId: 'listReturns' }, { method: 'POST', status: 201 }, { path: '/emporix/return/acme/return' }, { operationId: 'getReturn' }];
    expect(patterns.map((pattern) => mock.count(pattern))).toEqual([4, 2, 1, 1, 0]);
    for (const pattern of patterns) expect((await mock.send('POST', '/__admin/requests/count', { body: pattern })).json.count).toBe(mock.count(pattern));
    expect(mock.requests({ operationId: 'createReturn' })[0]!.response.status).toBe(201);
  });

  it('passes a met expectation silently', () => {
    mock.verify({ operationId: 'listReturns' }, { times: 2 });
    mock.verify({ operationId: 'listReturns' }, { atLeast: 1, atMost: 2 });
    mock.verify({ operationId: 'createReturn' });
    mock.verify({ operationId: 'deleteReturn' }, { times: 0 });
  });

  it('fails with what matched', () => {
    const error = verifyError(() => mock.verify({ operationId: 'listReturns' }, { times: 1 }));
    expect(error.message).toContain('Expected exactly 1 request matching {"operationId":"listReturns"}, but 2 matched.');
    expect(error.message).toContain('#1 GET /emporix/return/acme/returns → 200 (emporix listReturns, client anonymous)');
    expect(error.actual).toBe(2);
  });

  it('prints the near misses of a mistyped path: the client’s request and the pattern’s own', () => {
    const error = verifyError(() => mock.verify({ method: 'GET', path: '/emporix/return/acme/returnz' }, { atLeast: 1 }));
    expect(error.message).toContain('but 0 matched');
    expect(error.message).toContain('#4 GET /emporix/return/acme/return → 404');
    expect(error.message).toContain("near miss: emporix listReturns GET /emporix/return/{tenant}/returns: segment 'return' should be 'returns'");
    expect(error.message).toContain("The pattern's path /emporix/return/acme/returnz is no operation's; the closest:");
    expect(error.message).toContain("near miss: emporix listReturns GET /emporix/return/{tenant}/returns: segment 'returnz' should be 'returns'");
  });

  it('refuses a bad pattern or count with a TypeError naming it', () => {
    expect(() => mock.count({ stauts: 200 } as never)).toThrow(/field 'stauts'/);
    expect(() => mock.count({ pathPattern: '(' })).toThrow(TypeError);
    expect(() => mock.verify({}, { times: -1 })).toThrow(/times must be a whole number/);
    expect(() => mock.verify({}, { times: 1, atLeast: 1 })).toThrow(TypeError);
  });

  it('lists the unmatched requests with listReturns first', () => {
    expect(mock.unmatched()[0]!.nearMisses[0]!.operationId).toBe('listReturns');
  });
});
