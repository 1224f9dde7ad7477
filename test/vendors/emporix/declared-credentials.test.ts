import { describe, expect, it } from 'vitest';
import { createTestMock } from '../../helpers/mock-client.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const base = '/emporix/return/acme/returns';
const newReturn = (orderId: string) => ({ orders: [{ id: orderId, items: [{ id: '1', quantity: 1 }] }], reason: { code: '001' } });
/** What an employee's create must carry in addition (Emporix): the customer it is for, and who submits it. */
const byEmployee = (customerId: string) => ({ requestor: { customerId }, submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' } });
const jwt = (claims: object) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;

describe('Emporix credentials declared in fixtures/emporix/credentials.yaml', () => {
  it('a read-only token may list but not create: 403 in the ErrorResponse shape', async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    expect((await send('GET', base, { headers: bearer('emporix-read-only-token') })).status).toBe(200);
    const refused = await send('POST', base, { headers: bearer('emporix-read-only-token'), body: { ...newReturn('O-1'), ...byEmployee('C1') } });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 403, status: 'Forbidden', details: [{ type: 'security.scope.missing' }] });
    expect((await send('GET', base, { headers: bearer('emporix-employee-token') })).json).toEqual([]);
  });

  it('the customer token is customer C120046: its returns are requested by C120046, and it sees only its own', async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const employees = await send('POST', base, { headers: bearer('emporix-employee-token'), body: { ...newReturn('O-2'), ...byEmployee('C999') } });
    const withoutSaasToken = await send('POST', base, { headers: bearer('emporix-customer-token'), body: newReturn('O-3') });
    expect(withoutSaasToken.status).toBe(400);
    expect(withoutSaasToken.json.details).toEqual([expect.objectContaining({ field: 'saas-token', type: 'request.header.missing' })]);
    // The declared customerId names the customer, whatever the saas-token says.
    const mine = await send('POST', base, { headers: { ...bearer('emporix-customer-token'), 'saas-token': 'some-session-token' }, body: newReturn('O-3') });
    expect(mine.status).toBe(201);
    const all = await send('GET', base, { headers: bearer('emporix-employee-token') });
    expect(all.json.map((r: { id: string; requestor: { customerId: string } }) => [r.id, r.requestor.customerId])).toEqual([
      [employees.json.id, 'C999'],
      [mine.json.id, 'C120046'],
    ]);
    const own = await send('GET', base, { headers: bearer('emporix-customer-token') });
    expect(own.json.map((r: { id: string }) => r.id)).toEqual([mine.json.id]);
    expect(own.json[0].requestor).toBeUndefined();
    expect((await send('GET', `${base}/${employees.json.id}`, { headers: bearer('emporix-customer-token') })).status).toBe(404);
  });

  it("with auth 'strict' refuses an undeclared token (also a JWT) with 401 in the gateway's fault shape, and lets declared ones through", async () => {
    const { send } = await createTestMock({ vendors: ['emporix'], auth: 'strict' });
    for (const token of ['demo-token', jwt({ sub: 'svc', scope: 'returns.returns_manage returns.returns_read' })]) {
      const refused = await send('POST', base, { headers: bearer(token), body: { ...newReturn('O-4'), ...byEmployee('C1') } });
      expect(refused.status).toBe(401);
      expect(refused.json).toEqual({ fault: { faultstring: expect.stringContaining('not declared'), detail: { errorcode: 'oauth.v2.InvalidAccessToken' } } });
    }
    expect((await send('POST', base, { headers: bearer('emporix-employee-token'), body: { ...newReturn('O-4'), ...byEmployee('C1') } })).status).toBe(201);
    expect((await send('POST', base, { headers: bearer('emporix-read-only-token'), body: { ...newReturn('O-5'), ...byEmployee('C1') } })).status).toBe(403);
    expect((await send('GET', base, { headers: bearer('emporix-read-only-token') })).json).toHaveLength(1);
  });
});
