// The same API from node:test, no test framework to install: node --test examples/node-test/
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startMock } from 'returns-mock';

let mock;
before(async () => {
  mock = await startMock({ vendors: ['emporix'], port: 0, inMemory: true });
});
after(() => mock.close());

test('a created Emporix return reads back, and the client kept the contract', async () => {
  const headers = { authorization: 'Bearer employee-token', 'content-type': 'application/json', 'x-mock-client': 'node-test-client' };
  const created = await fetch(`${mock.urlFor('emporix')}/return/acme/returns`, {
    method: 'POST',
    headers,
    // An employee's create (no saas-token) names the customer it is for and who submits it, as Emporix requires.
    body: JSON.stringify({
      orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }],
      reason: { code: '001' },
      requestor: { customerId: 'C-1' },
      submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
    }),
  });
  assert.equal(created.status, 201);
  const { id } = await created.json();
  const read = await fetch(`${mock.urlFor('emporix')}/return/acme/returns/${id}`, { headers });
  assert.equal((await read.json()).id, id);
  const report = mock.report({ client: 'node-test-client' });
  assert.equal(report.summary.requests, 2);
  assert.equal(report.verdict, 'pass');
});
