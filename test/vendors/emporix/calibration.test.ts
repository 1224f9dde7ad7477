import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emporixPlugin } from '../../../src/vendors/emporix/index.js';
import { RULES } from '../../../src/vendors/emporix/rules.js';
import { createTestMock } from '../../helpers/mock-client.js';
import { lastJournalEntry } from '../realistic-clients/last-journal-entry.js';

const employee = { authorization: 'Bearer employee-token' };
const customer = (id: string) => ({ authorization: 'Bearer customer-token', 'saas-token': id });
const jwt = (claims: object) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;
const withScopes = (scope: string) => ({ authorization: `Bearer ${jwt({ scope })}` });
const base = '/emporix/return/acme/returns';
const byEmployee = { requestor: { customerId: 'c-1' }, submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' } };
const employeeReturn = (items: Array<{ id: string; quantity: number }>) => ({ orders: [{ id: 'B1LMYY52', items }], reason: { code: '001' }, ...byEmployee });

/** The calibration of specs/README.md ("Calibration: Intershop IOM and Emporix"): what is refused, what is served as a risk. */
describe('Emporix calibration', async () => {
  const emporix = await createTestMock({ vendors: ['emporix'], clock: '2024-03-01T10:00:00.000Z', seed: 3 });
  const findings = async () => (await lastJournalEntry(emporix.send)).violations.map((finding) => [finding.code, finding.level, finding.pointer]);

  it('raises no finding by an inline code: every code is a registered rule of src/vendors/emporix/rules.ts', () => {
    const folder = new URL('../../../src/vendors/emporix/', import.meta.url);
    const inline = readdirSync(folder)
      .filter((file) => file.endsWith('.ts') && file !== 'rules.ts')
      .filter((file) => /\bcode: '/.test(readFileSync(new URL(file, folder), 'utf8')));
    expect(inline).toEqual([]);
  });

  it('registers every rule on the plugin, each described and cited; a refusal from the mock alone only where an option asks for it', () => {
    expect(emporixPlugin.rules).toEqual(Object.values(RULES));
    for (const rule of Object.values(RULES)) {
      expect(rule.vendor).toBe('emporix');
      expect(rule.description).not.toBe('');
      expect(rule.cite).toBeTruthy();
      if (rule.level === 'violation' && rule.source === 'mock') expect(rule.description).toContain('--strict-fixtures');
    }
  });

  it('serves a negative quantity and an empty orders array, each a risk naming the field', async () => {
    const negative = await emporix.send('POST', base, { headers: employee, body: employeeReturn([{ id: '32090', quantity: -2 }]) });
    expect(negative.status).toBe(201);
    expect(await findings()).toEqual([['state.order-item.quantity-not-positive', 'risk', '/orders/0/items/0/quantity']]);
    const empty = await emporix.send('POST', base, { headers: employee, body: { orders: [], reason: { code: '001' }, ...byEmployee } });
    expect(empty.status).toBe(201);
    expect(await findings()).toEqual([['state.return.no-orders', 'risk', '/orders']]);
    expect((await emporix.send('GET', `${base}/${empty.json.id}`, { headers: employee })).json).toMatchObject({ orders: [], total: { value: 0, currency: 'USD' } });
  });

  it("serves a PUT whose body id is not the path's, updating the path's return, as a risk", async () => {
    const { json } = await emporix.send('POST', base, { headers: employee, body: employeeReturn([{ id: '32090', quantity: 1 }]) });
    const put = await emporix.send('PUT', `${base}/${json.id}`, {
      headers: employee,
      body: { ...employeeReturn([{ id: '32090', quantity: 2 }]), id: '6369140c5c6de75d9e84c97f', approvalStatus: 'PENDING', metadata: { version: 1 } },
    });
    expect(put.status).toBe(204);
    expect(await findings()).toEqual([['state.return.id-mismatch', 'risk', '/id']]);
    expect((await emporix.send('GET', `${base}/${json.id}`, { headers: employee })).json).toMatchObject({
      id: json.id,
      orders: [{ items: [{ quantity: 2 }] }],
      metadata: { version: 2 },
    });
  });

  it('takes a PATCH with the manage scope alone (the scope list), recording the missing read scope of the prose as a risk', async () => {
    const { json } = await emporix.send('POST', base, { headers: employee, body: employeeReturn([{ id: '32090', quantity: 1 }]) });
    const path = `${base}/${json.id}`;
    const patch = [{ op: 'replace', path: '/reason/code', value: '002' }];
    expect((await emporix.send('PATCH', path, { headers: withScopes('returns.returns_manage'), body: patch })).status).toBe(204);
    expect(await findings()).toEqual([['security.scope.pair-incomplete', 'risk', '/Authorization']]);
    expect((await emporix.send('PATCH', path, { headers: withScopes('returns.returns_manage returns.returns_read'), body: patch })).status).toBe(204);
    expect(await findings()).toEqual([]);
    expect((await emporix.send('PATCH', path, { headers: withScopes('returns.returns_read'), body: patch })).status).toBe(403);
  });

  it("reads an employee's patched date-only expiryDate as UTC, a risk, as on create and PUT", async () => {
    const { json } = await emporix.send('POST', base, { headers: employee, body: employeeReturn([{ id: '32090', quantity: 1 }]) });
    const patched = await emporix.send('PATCH', `${base}/${json.id}`, { headers: employee, body: [{ op: 'replace', path: '/expiryDate', value: '2024-06-30' }] });
    expect(patched.status).toBe(204);
    expect(await findings()).toEqual([['state.expiry-date.not-instant', 'risk', '/expiryDate']]);
    expect((await emporix.send('GET', `${base}/${json.id}`, { headers: employee })).json.expiryDate).toBe('2024-06-30T00:00:00.000Z');
    const garbage = await emporix.send('PATCH', `${base}/${json.id}`, { headers: employee, body: [{ op: 'replace', path: '/expiryDate', value: 'soon' }] });
    expect(garbage.status).toBe(400);
    expect(garbage.json.details).toEqual([expect.objectContaining({ field: 'expiryDate', type: 'state.return.invalid' })]);
  });

  it.each([
    ['POST', base, 409],
    ['POST', base, 500],
    ['PUT', `${base}/some-id`, 500],
    ['PATCH', `${base}/some-id`, 500],
    ['DELETE', `${base}/some-id`, 500],
  ])("answers %s %s with Prefer: code=%i in the reference's error shape", async (method, path, status) => {
    const body =
      method === 'PATCH'
        ? [{ op: 'replace', path: '/reason/code', value: '002' }]
        : method === 'DELETE'
          ? undefined
          : { ...employeeReturn([{ id: '32090', quantity: 1 }]), approvalStatus: 'PENDING', metadata: { version: 1 } };
    const answer = await emporix.send(method, path, { headers: { ...employee, prefer: `code=${status}` }, ...(body === undefined ? {} : { body }) });
    expect(answer.status).toBe(status);
    expect(answer.json).toMatchObject({ code: status, status: status === 409 ? 'Conflict' : 'Internal Server Error' });
  });

  it("still refuses a customer's changed employee-only field and a null in a required field", async () => {
    const { json } = await emporix.send('POST', base, {
      headers: customer('cust-c'),
      body: { orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1 }] }], reason: { code: '001' } },
    });
    const changed = await emporix.send('PUT', `${base}/${json.id}`, {
      headers: customer('cust-c'),
      body: { orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1 }] }], reason: { code: '001' }, approvalStatus: 'APPROVED', metadata: { version: 1 } },
    });
    expect(changed.status).toBe(400);
    expect(changed.json.details).toEqual([expect.objectContaining({ field: 'approvalStatus', type: 'state.field.employee-only' })]);
    const nullReason = await emporix.send('POST', base, { headers: customer('cust-c'), body: { orders: [], reason: null } });
    expect(nullReason.status).toBe(400);
    const emptyReason = await emporix.send('POST', base, { headers: customer('cust-c'), body: { orders: [], reason: { code: null, details: null } } });
    expect(emptyReason.status).toBe(400);
  });
});
