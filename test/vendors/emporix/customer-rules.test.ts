import { describe, expect, it } from 'vitest';
import { createTestMock } from '../../helpers/mock-client.js';
import { lastJournalEntry } from '../realistic-clients/last-journal-entry.js';

const employee = { authorization: 'Bearer employee-token' };
const customer = (id: string) => ({ authorization: 'Bearer customer-token', 'saas-token': id });
const jwt = (claims: object) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;
/** A customer's token without the saas-token header: only the _own scopes, named by its sub claim. */
const customerWithoutSaasToken = { authorization: `Bearer ${jwt({ sub: 'cust-z', scope: 'returns.returns_read_own returns.returns_manage_own' })}` };
const base = '/emporix/return/acme/returns';
const newReturn = (orderId: string) => ({ orders: [{ id: orderId, items: [{ id: '1', quantity: 1 }] }], reason: { code: '001' } });
const fieldsOf = (json: { details: Array<{ field: string; type: string }> }) => json.details.map((d) => [d.field, d.type]);

describe('Emporix rules for a customer (documented in specs/emporix.yaml)', () => {
  it("refuses a customer's create, update, patch and delete without saas-token (400 naming it); reads need none", async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const refused = await send('POST', base, { headers: customerWithoutSaasToken, body: newReturn('O-1') });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.json)).toEqual([['saas-token', 'request.header.missing']]);
    const { json } = await send('POST', base, { headers: customer('cust-z'), body: newReturn('O-1') });
    const path = `${base}/${json.id}`;
    expect((await send('GET', path, { headers: customerWithoutSaasToken })).status).toBe(200);
    expect((await send('PUT', path, { headers: customerWithoutSaasToken, body: { ...newReturn('O-1'), metadata: { version: 1 } } })).status).toBe(400);
    expect((await send('PATCH', path, { headers: customerWithoutSaasToken, body: [{ op: 'replace', path: '/reason/code', value: '002' }] })).status).toBe(400);
    expect((await send('DELETE', path, { headers: customerWithoutSaasToken })).status).toBe(400);
    expect((await send('GET', path, { headers: employee })).json.metadata.version).toBe(1);
  });

  it("refuses the employee-only fields in a customer's create and update, naming each", async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const created = await send('POST', base, {
      headers: customer('cust-y'),
      body: { ...newReturn('O-2'), requestor: { customerId: 'someone-else' }, expiryDate: '2030-01-01T00:00:00.000Z' },
    });
    expect(created.status).toBe(400);
    expect(fieldsOf(created.json)).toEqual([
      ['requestor', 'state.field.employee-only'],
      ['expiryDate', 'state.field.employee-only'],
    ]);
    const { json } = await send('POST', base, { headers: customer('cust-y'), body: newReturn('O-2') });
    const updated = await send('PUT', `${base}/${json.id}`, {
      headers: customer('cust-y'),
      body: { ...newReturn('O-2'), approvalStatus: 'APPROVED', received: true, metadata: { version: 1 } },
    });
    expect(updated.status).toBe(400);
    expect(fieldsOf(updated.json)).toEqual([
      ['approvalStatus', 'state.field.employee-only'],
      ['received', 'state.field.employee-only'],
    ]);
    expect((await send('GET', `${base}/${json.id}`, { headers: employee })).json).toMatchObject({ approvalStatus: 'PENDING', received: false });
    // An employee may set them (and must send requestor and submitter on PUT).
    const byEmployee = { requestor: { customerId: 'cust-y' }, submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' } };
    expect(
      (
        await send('PUT', `${base}/${json.id}`, {
          headers: employee,
          body: { ...newReturn('O-2'), ...byEmployee, approvalStatus: 'APPROVED', received: true, metadata: { version: 1 } },
        })
      ).status,
    ).toBe(204);
  });

  it('limits PATCH paths: a customer only orders, reason and mixins; the fields the service sets are skipped as risks', async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const { json } = await send('POST', base, { headers: customer('cust-x'), body: newReturn('O-3') });
    const path = `${base}/${json.id}`;
    const byCustomer = await send('PATCH', path, {
      headers: customer('cust-x'),
      body: [
        { op: 'replace', path: '/approvalStatus', value: 'APPROVED' },
        { op: 'replace', path: '/total/value', value: 0 },
        { op: 'replace', path: '/reason/code', value: '002' },
      ],
    });
    expect(byCustomer.status).toBe(400);
    // Only the employee-only path refuses; the service's own field is a risk (skipped), named only when served.
    expect(fieldsOf(byCustomer.json)).toEqual([['[0].path', 'state.field.employee-only']]);
    expect(
      (
        await send('PATCH', path, {
          headers: customer('cust-x'),
          body: [
            { op: 'replace', path: '/reason/code', value: '002' },
            { op: 'add', path: '/metadata/mixins', value: { a: 'b' } },
          ],
        })
      ).status,
    ).toBe(204);
    const byEmployee = await send('PATCH', path, {
      headers: employee,
      body: [
        { op: 'replace', path: '/metadata/version', value: 9 },
        { op: 'replace', path: '/id', value: 'x' },
      ],
    });
    expect(byEmployee.status).toBe(204);
    expect((await lastJournalEntry(send)).violations.map((finding) => [finding.code, finding.level])).toEqual([
      ['state.patch.read-only-path', 'risk'],
      ['state.patch.read-only-path', 'risk'],
    ]);
    expect((await send('PATCH', path, { headers: employee, body: [{ op: 'replace', path: '/approvalStatus', value: 'APPROVED' }] })).status).toBe(204);
    expect((await send('GET', path, { headers: employee })).json).toMatchObject({
      id: json.id,
      approvalStatus: 'APPROVED',
      reason: { code: '002' },
      metadata: { version: 4, mixins: { a: 'b' } },
    });
  });

  it("names the customer by a saas-token JWT's customerId claim, as by the access token's: one customer with or without the header", async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    // The spec's own saas-token example: a JWT whose payload is {"customerId":"C7257042672"}.
    const saasToken = 'eyJhbGciOiJIUzI1NiJ9.eyJjdXN0b21lcklkIjoiQzcyNTcwNDI2NzIifQ.c2lnbmF0dXJl';
    const accessToken = { authorization: `Bearer ${jwt({ customerId: 'C7257042672', scope: 'returns.returns_read_own returns.returns_manage_own' })}` };
    const { json } = await send('POST', base, { headers: { ...accessToken, 'saas-token': saasToken }, body: newReturn('O-4') });
    expect((await send('GET', base, { headers: accessToken })).json.map((r: { id: string }) => r.id)).toEqual([json.id]);
    expect((await send('GET', `${base}/${json.id}`, { headers: employee })).json.requestor).toEqual({ customerId: 'C7257042672' });
  });

  it("does not let a customer's q or sort reach the fields only an employee sees", async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const hidden = {
      requestor: { customerId: 'cust-w' },
      submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
      approver: { type: 'USER', id: 'emp-42' },
    };
    const { json } = await send('POST', base, { headers: employee, body: { ...newReturn('O-5'), ...hidden } });
    const idsFor = async (q: string) => (await send('GET', `${base}?q=${encodeURIComponent(q)}`, { headers: customer('cust-w') })).json.map((r: { id: string }) => r.id);
    expect(await idsFor('reason.code:001')).toEqual([json.id]);
    expect(await idsFor('approver.id:emp-42')).toEqual([]);
    expect(await idsFor('submitter.email:~^erin')).toEqual([]);
    expect(await idsFor('requestor:exists')).toEqual([]);
    expect(await idsFor('approver:null')).toEqual([json.id]);
    expect((await send('GET', `${base}?q=${encodeURIComponent('approver.id:emp-42')}`, { headers: employee })).json.map((r: { id: string }) => r.id)).toEqual([json.id]);
  });
});
