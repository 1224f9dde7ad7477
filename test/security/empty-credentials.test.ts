import { describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';
import { vendorShapeProblem } from '../fuzz/vendor-error-shape.js';

const returnsPath = '/emporix/return/acme/returns';
const employee = { authorization: 'Bearer staff-token' };
const customerReturn = { orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }], reason: { code: '001' } };
const JTL_RETURN = { CompanyId: 123, SalesOrderId: 123, WarehouseId: 123, Items: [{ Quantity: 1, SalesOrderLineItemId: 123 }] };
const jwt = (claims: Record<string, unknown>) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;
const customerToken = jwt({ scope: 'returns.returns_read_own returns.returns_manage_own' });

describe('a present but empty or malformed customer credential is refused, never widened to a broader view', async () => {
  const { send } = await createTestMock({ vendors: ['emporix', 'jtl', 'intershop', 'shopctrl'] });
  // Two customers' returns, so an employee's view would show both.
  for (const customer of ['cust-a', 'cust-b']) {
    const created = await send('POST', returnsPath, { headers: { authorization: `Bearer ${customerToken}`, 'saas-token': jwt({ customerId: customer }) }, body: customerReturn });
    expect(created.status).toBe(201);
  }

  it.each([
    ['empty', ''],
    ['whitespace', '   '],
    ['a tab', '\t'],
  ])("Emporix: a %s saas-token is a 401 in the gateway's fault shape, on reads and writes", async (_what, value) => {
    for (const [method, body] of [
      ['GET', undefined],
      ['POST', customerReturn],
    ] as const) {
      const answer = await send(method, returnsPath, { headers: { ...employee, 'saas-token': value }, body });
      expect(answer.status, `${method} ${JSON.stringify(value)}: ${answer.text}`).toBe(401);
      expect(vendorShapeProblem('emporix', 401, answer.headers.get('content-type') ?? '', answer.text)).toBeUndefined();
      expect(answer.json.fault.faultstring).toContain('saas-token');
      expect(answer.text).not.toContain('cust-a');
    }
  });

  it('Emporix: a saas-token JWT whose customerId and sub are empty names no customer: 401', async () => {
    for (const token of [jwt({ customerId: '' }), jwt({ customerId: '  ', sub: '' })]) {
      const answer = await send('GET', returnsPath, { headers: { ...employee, 'saas-token': token } });
      expect(answer.status, answer.text).toBe(401);
    }
  });

  it('Emporix: a customer token (only the _own scopes) naming no customer is a 401, not one shared anonymous customer', async () => {
    const answer = await send('GET', returnsPath, { headers: { authorization: `Bearer ${customerToken}` } });
    expect(answer.status, answer.text).toBe(401);
    expect(vendorShapeProblem('emporix', 401, answer.headers.get('content-type') ?? '', answer.text)).toBeUndefined();
  });

  it('Emporix: a customer with a real saas-token still sees only their own returns', async () => {
    const answer = await send('GET', returnsPath, { headers: { ...employee, 'saas-token': jwt({ customerId: 'cust-a' }) } });
    expect(answer.status).toBe(200);
    expect(answer.json).toHaveLength(1);
    expect(answer.text).not.toContain('cust-b');
  });

  it.each([
    ['jtl', 'POST', '/jtl/erp/returns', { 'x-appid': 'a/1', 'x-appversion': '1', 'x-tenant-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6' }],
    ['intershop', 'GET', '/intershop/shops/s/return-reasons', {}],
    ['emporix', 'GET', returnsPath, {}],
  ] as const)('%s: an empty or whitespace Authorization is a 401 in the vendor shape', async (vendor, method, path, headers) => {
    for (const value of ['', ' ', 'Bearer', 'Bearer  ', 'Basic ', 'Basic Og==']) {
      const answer = await send(method, path, { headers: { ...headers, authorization: value }, body: method === 'POST' ? JTL_RETURN : undefined });
      expect(answer.status, `${vendor} ${JSON.stringify(value)}: ${answer.text}`).toBe(401);
      expect(vendorShapeProblem(vendor, 401, answer.headers.get('content-type') ?? '', answer.text)).toBeUndefined();
    }
  });

  it('JTL: an empty or whitespace x-tenant-id is refused with 400 naming it, never a default tenant', async () => {
    for (const tenant of ['', ' ']) {
      const answer = await send('POST', '/jtl/erp/returns', {
        headers: { authorization: 'Bearer t', 'x-appid': 'a/1', 'x-appversion': '1', 'x-tenant-id': tenant },
        body: JTL_RETURN,
      });
      expect(answer.status, answer.text).toBe(400);
      expect(answer.text).toContain('x-tenant-id');
    }
  });

  it("Intershop: a blank or encoded-blank shop name is a shop of its own (IOM's shop names are free text), never a view of every shop", async () => {
    const created = await send('POST', '/intershop/shops/iso-shop/orders/9000/return-requests', {
      headers: { ...employee, 'content-type': 'application/vnd.intershop.return-request.v1+json' },
      body: { type: 'RETURN', comment: 'marker-of-iso-shop', positions: [{ positionNumber: 1, productNumber: 'P-1', reason: 'RET100', quantity: 1 }] },
    });
    expect(created.status, created.text).toBe(201);
    for (const shop of ['%20', '%09', '%2F', '*', '%2A']) {
      const answer = await send('GET', `/intershop/shops/${shop}/orders/9000/return-requests`, { headers: employee });
      expect(answer.status, `${shop}: ${answer.text}`).toBeLessThan(500);
      expect(answer.text, shop).not.toContain('marker-of-iso-shop');
    }
  });
});
