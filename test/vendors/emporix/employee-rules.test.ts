import { describe, expect, it } from 'vitest';
import { createTestMock } from '../../helpers/mock-client.js';
import { lastJournalEntry } from '../realistic-clients/last-journal-entry.js';

const employee = { authorization: 'Bearer employee-token' };
const customer = (id: string) => ({ authorization: 'Bearer customer-token', 'saas-token': id });
const base = '/emporix/return/acme/returns';
const newReturn = { orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1 }] }], reason: { code: '001' } };
const submitter = { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' };
const registered = { requestor: { customerId: 'C120046' }, submitter };
const fieldsOf = (json: { details: Array<{ field: string; type: string }> }) => json.details.map((d) => [d.field, d.type]);

describe("Emporix rules for an employee's create and PUT (documented in specs/emporix.yaml)", () => {
  it('refuses a create without requestor: 400 naming requestor, nothing stored', async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const refused = await send('POST', base, { headers: employee, body: { ...newReturn, submitter } });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ code: 400, status: 'Bad Request', message: expect.stringContaining("'requestor'") });
    expect(fieldsOf(refused.json)).toEqual([['requestor', 'state.field.employee-required']]);
    expect((await send('GET', base, { headers: employee })).json).toEqual([]);
  });

  it('refuses a create without submitter: 400 naming submitter', async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const refused = await send('POST', base, { headers: employee, body: { ...newReturn, requestor: { customerId: 'C120046' } } });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.json)).toEqual([['submitter', 'state.field.employee-required']]);
  });

  // The order finding beside them is now a risk (Emporix's reference gives no such rule), so the 400 names only the two refusals.
  it('names both in one 400, without the risk of the orders beside them', async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const refused = await send('POST', base, { headers: employee, body: { ...newReturn, orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 3 }] }] } });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.json)).toEqual([
      ['requestor', 'state.field.employee-required'],
      ['submitter', 'state.field.employee-required'],
    ]);
  });

  it.each([
    ['an empty requestor', {}, 'requestor'],
    ['an email without anonymous', { email: 'guest@example.com' }, 'requestor'],
    ['anonymous without email', { anonymous: true }, 'requestor'],
    ['anonymous: false with email', { anonymous: false, email: 'guest@example.com' }, 'requestor.customerId'],
    ['an empty customerId', { customerId: '' }, 'requestor.customerId'],
  ])('refuses a requestor with neither customerId nor anonymous: true and email (%s): 400 naming it', async (_what, requestor, field) => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const refused = await send('POST', base, { headers: employee, body: { ...newReturn, requestor, submitter } });
    expect(refused.status).toBe(400);
    expect(refused.json.details.map((d: { field: string }) => d.field)).toContain(field);
    expect((await send('GET', base, { headers: employee })).json).toEqual([]);
  });

  it('creates a return for an anonymous order: requestor with anonymous: true and email, plus submitter → 201', async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const requestor = { anonymous: true, email: 'guest@example.com' };
    const created = await send('POST', base, { headers: employee, body: { ...newReturn, requestor, submitter } });
    expect(created.status).toBe(201);
    expect((await send('GET', `${base}/${created.json.id}`, { headers: employee })).json).toMatchObject({ requestor, submitter, approvalStatus: 'PENDING' });
  });

  it('creates a return for a registered customer: requestor with customerId, plus submitter → 201, and the customer sees it', async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const created = await send('POST', base, { headers: employee, body: { ...newReturn, ...registered } });
    expect(created.status).toBe(201);
    expect((await send('GET', `${base}/${created.json.id}`, { headers: employee })).json).toMatchObject(registered);
    expect((await send('GET', `${base}/${created.json.id}`, { headers: customer('C120046') })).status).toBe(200);
  });

  it("leaves a customer's create (saas-token) as it was: no requestor or submitter needed, and still refused when sent", async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const created = await send('POST', base, { headers: customer('cust-1'), body: newReturn });
    expect(created.status).toBe(201);
    expect((await send('GET', `${base}/${created.json.id}`, { headers: employee })).json.requestor).toEqual({ customerId: 'cust-1' });
    const refused = await send('POST', base, { headers: customer('cust-1'), body: { ...newReturn, ...registered } });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.json)).toEqual([
      ['requestor', 'state.field.employee-only'],
      ['submitter', 'state.field.employee-only'],
    ]);
  });

  // Was a 400: the reference's PUT body is "any of" the employee variant (which requires the three) and the customer's
  // (which does not), so a PUT without them is served keeping the stored values, each recorded as a risk.
  it("serves an employee's PUT without approvalStatus, requestor or submitter keeping the stored values, a risk naming each", async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const { json } = await send('POST', base, { headers: employee, body: { ...newReturn, ...registered } });
    const path = `${base}/${json.id}`;
    const nobody = await send('PUT', path, {
      headers: employee,
      body: { ...newReturn, ...registered, requestor: { customerId: '' }, approvalStatus: 'APPROVED', metadata: { version: 1 } },
    });
    expect(nobody.status).toBe(400);
    expect(fieldsOf(nobody.json)).toEqual([['requestor.customerId', 'state.requestor.incomplete']]);
    expect((await send('GET', path, { headers: employee })).json).toMatchObject({ approvalStatus: 'PENDING', metadata: { version: 1 } });
    const bare = await send('PUT', path, { headers: employee, body: { ...newReturn, metadata: { version: 1 } } });
    expect(bare.status).toBe(204);
    expect((await lastJournalEntry(send)).violations.map((finding) => [finding.pointer, finding.code, finding.level, finding.source])).toEqual([
      ['/approvalStatus', 'state.field.employee-missing-on-update', 'risk', 'vendor-reference'],
      ['/requestor', 'state.field.employee-missing-on-update', 'risk', 'vendor-reference'],
      ['/submitter', 'state.field.employee-missing-on-update', 'risk', 'vendor-reference'],
    ]);
    expect((await send('GET', path, { headers: employee })).json).toMatchObject({ approvalStatus: 'PENDING', ...registered, metadata: { version: 2 } });
    const put = await send('PUT', path, { headers: employee, body: { ...newReturn, ...registered, approvalStatus: 'APPROVED', metadata: { version: 2 } } });
    expect(put.status).toBe(204);
    expect((await lastJournalEntry(send)).violations).toEqual([]);
    // A customer's PUT still needs none of them.
    const mine = await send('POST', base, { headers: customer('cust-2'), body: newReturn });
    expect((await send('PUT', `${base}/${mine.json.id}`, { headers: customer('cust-2'), body: { ...newReturn, metadata: { version: 1 } } })).status).toBe(204);
  });
});
