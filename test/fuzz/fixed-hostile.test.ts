import { describe, expect, it } from 'vitest';
import { createTestMock, type TestResponse } from '../helpers/mock-client.js';
import { vendorShapeProblem } from './vendor-error-shape.js';

const employee = { authorization: 'Bearer t' };
const returnsPath = '/emporix/return/acme/returns';
/** An employee's create: Emporix requires `requestor` and `submitter` from an employee. */
const newReturn = (details = 'The items do not work.') => ({
  orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }],
  reason: { code: '001', details },
  requestor: { customerId: 'C-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
});
const polluted = () => (({}) as Record<string, unknown>).polluted;

function expectVendorRefusal(vendor: string, answer: TestResponse, status?: number) {
  if (status !== undefined) expect(answer.status).toBe(status);
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(vendorShapeProblem(vendor, answer.status, answer.headers.get('content-type') ?? '', answer.text)).toBeUndefined();
}

describe('the hostile inputs the issue names, each aimed where it hurts', async () => {
  const { send } = await createTestMock();

  it('refuses RFC 6902 patches that reach the prototype or beyond the document, and leaves the return as it was', async () => {
    const created = await send('POST', returnsPath, { headers: employee, body: newReturn() });
    const path = `${returnsPath}/${created.json.id}`;
    const before = (await send('GET', path, { headers: employee })).json;
    const patches = [
      [{ op: 'add', path: '/__proto__/polluted', value: 'yes' }],
      [{ op: 'replace', path: '/constructor/prototype/polluted', value: 'yes' }],
      [{ op: 'add', path: '/reason/__proto__', value: { polluted: 'yes' } }],
      [{ op: 'add', path: '/orders/99/items/0', value: { id: 'x', quantity: 1 } }],
      [{ op: 'remove', path: '/no/such/path' }],
      [{ op: 'move', from: '/reason', path: '/reason/code' }],
      [{ op: 'copy', from: '/__proto__', path: '/mixins' }],
      [{ op: 'test', path: '/reason/code', value: 'not-it' }],
    ];
    for (const patch of patches) {
      expectVendorRefusal('emporix', await send('PATCH', path, { headers: employee, body: patch }));
      expect(polluted()).toBeUndefined();
    }
    expect((await send('GET', path, { headers: employee })).json).toEqual(before);
  });

  it('answers a catastrophic-backtracking q regex against a long stored value at once (linear-time engine)', async () => {
    expect((await send('POST', returnsPath, { headers: employee, body: newReturn(`${'a'.repeat(50_000)}!`) })).status).toBe(201);
    const answer = await send('GET', `${returnsPath}?q=${encodeURIComponent('reason.details:~(a+)+$')}`, { headers: employee });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([]);
    const lookahead = await send('GET', `${returnsPath}?q=${encodeURIComponent('reason.details:~(?=a)')}`, { headers: employee });
    expectVendorRefusal('emporix', lookahead, 400);
    expect(lookahead.json.message).toContain('RE2');
  });

  it('stores __proto__, constructor and prototype keys in bodies as plain data or refuses them, never touching Object.prototype', async () => {
    const bodies = [
      `{"orders":[{"id":"O-1","items":[{"id":"1","quantity":1}]}],"reason":{"code":"001"},"__proto__":{"polluted":"yes"}}`,
      `{"orders":[{"id":"O-1","items":[{"id":"1","quantity":1}]}],"reason":{"code":"001"},"mixins":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}`,
    ];
    for (const body of bodies) {
      const answer = await send('POST', returnsPath, { headers: { ...employee, 'content-type': 'application/json' }, body });
      if (answer.status !== 201) expectVendorRefusal('emporix', answer);
      expect(polluted()).toBeUndefined();
    }
    const jtl = await send('POST', '/jtl/erp/returns', {
      headers: { ...employee, 'x-appid': 'a/1', 'x-appversion': '1', 'x-tenant-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'content-type': 'application/json' },
      body: '{"CompanyId":123,"SalesOrderId":123,"WarehouseId":123,"Items":[{"Quantity":1,"SalesOrderLineItemId":123,"ReturnReasonId":123,"__proto__":{"polluted":"yes"}}],"constructor":{"prototype":{"polluted":"yes"}}}',
    });
    expect(jtl.status).toBeLessThan(500);
    expect(polluted()).toBeUndefined();
  });

  it('ignores or refuses prototype keys in query strings', async () => {
    for (const query of ['__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes', '__proto__=yes&pageSize=10', 'q=__proto__:yes', 'sort=__proto__,constructor']) {
      const answer = await send('GET', `${returnsPath}?${query}`, { headers: employee });
      expect(answer.status, query).toBeLessThan(500);
      if (answer.status >= 400) expectVendorRefusal('emporix', answer);
      expect(polluted()).toBeUndefined();
    }
  });

  it.each([
    ['an array of 100,000 elements', JSON.stringify({ ...newReturn(), orders: new Array(100_000).fill({ id: 'O-1', items: [] }) })],
    ['JSON nested 10,000 levels deep', `{"orders":${'['.repeat(10_000)}${']'.repeat(10_000)},"reason":{"code":"001"}}`],
    ['duplicate keys', '{"orders":[],"orders":"x","reason":{"code":"001"}}'],
  ])('refuses %s with a 4xx in the vendor shape', async (_what, body) => {
    expectVendorRefusal('emporix', await send('POST', returnsPath, { headers: { ...employee, 'content-type': 'application/json' }, body }));
  });

  it('refuses invalid UTF-8 in a JSON body, naming the body', async () => {
    const body = Buffer.concat([Buffer.from('{"orders":[{"id":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","items":[{"id":"1","quantity":1}]}],"reason":{"code":"001"}}')]);
    const answer = await send('POST', returnsPath, { headers: { ...employee, 'content-type': 'application/json' }, body: new Uint8Array(body) });
    expectVendorRefusal('emporix', answer, 400);
  });

  it.each([
    ['jtl', '/jtl/erp/returns', { 'x-appid': 'a/1', 'x-appversion': '1', 'x-tenant-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6', ...employee }],
    ['intershop', '/intershop/shops/s/orders/1/return-requests', { 'content-type': 'application/vnd.intershop.return-request.v1+json', ...employee }],
    ['emporix', returnsPath, employee],
    ['shopctrl', '/shopctrl/v1/Returns', {}],
  ] as const)('refuses a body over the limit with 413 in the %s shape', async (vendor, path, headers) => {
    const answer = await send('POST', path, { headers: { 'content-type': 'application/json', ...headers }, body: `"${'x'.repeat(1024 * 1024 + 10)}"` });
    expectVendorRefusal(vendor, answer, 413);
  });

  it('answers path parameters with dot segments, encoded slashes, NUL and unicode with a 4xx in the vendor shape', async () => {
    const ids = ['..', '%2E%2E', 'a%2Fb', '%2F', '%00', 'a%00b', '%C3%BC%E2%82%AC', '%F0%9F%92%A5', '%', '%FF'];
    for (const id of ids) {
      const emporix = await send('GET', `${returnsPath}/${id}`, { headers: employee });
      expect(emporix.status, id).toBeLessThan(500);
      if (emporix.status !== 200) expectVendorRefusal('emporix', emporix);
      const iom = await send('GET', `/intershop/shops/${id}/orders/${id}/return-requests/${id}`, { headers: employee });
      expect(iom.status, id).toBeLessThan(500);
      if (iom.status >= 400 && iom.json?.vendors === undefined) expectVendorRefusal('intershop', iom);
    }
  });

  it('refuses wrong and missing content types with 415 in each vendor shape', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expectVendorRefusal('emporix', await send('POST', returnsPath, { headers: { ...employee, 'content-type': type }, body: JSON.stringify(newReturn()) }), 415);
      expectVendorRefusal('shopctrl', await send('POST', '/shopctrl/v1/Returns', { headers: { 'content-type': type }, body: '{}' }), 415);
    }
    const missing = await createTestMock({ vendors: ['emporix'] });
    const answer = await missing.app.request(`http://localhost${returnsPath}`, {
      method: 'POST',
      headers: employee,
      body: new Uint8Array(Buffer.from(JSON.stringify(newReturn()))),
    });
    expect(answer.status).toBe(415);
  });
});
