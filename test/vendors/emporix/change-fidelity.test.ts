import { describe, expect, it } from 'vitest';
import { createTestMock } from '../../helpers/mock-client.js';
import { lastJournalEntry } from '../realistic-clients/last-journal-entry.js';

const employee = { authorization: 'Bearer employee-token' };
const customer = (id: string) => ({ authorization: 'Bearer customer-token', 'saas-token': id });
const base = '/emporix/return/acme/returns';
const byEmployee = { requestor: { customerId: 'c-1' }, submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' } };
/** The seed's order B1LMYY52 (fixtures: T-shirt 32090, 2 ordered at 1.99 USD; Jacket 32102, 15 at 1.00). */
const seedOrder = (quantity: number) => ({ orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity }] }], reason: { code: '001' } });
const fieldsOf = (json: { details: Array<{ field: string; type: string }> }) => json.details.map((d) => [d.field, d.type]);

describe('Emporix PATCH of the orders is priced and checked like a PUT', () => {
  it('prices the patched quantities again: item total and return total follow', async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const { json } = await send('POST', base, { headers: employee, body: { ...seedOrder(2), ...byEmployee } });
    const patched = await send('PATCH', `${base}/${json.id}`, {
      headers: employee,
      body: [
        { op: 'replace', path: '/orders/0/items/0/quantity', value: 1 },
        { op: 'add', path: '/orders/0/items/-', value: { id: '32102', quantity: 3 } },
      ],
    });
    expect(patched.status).toBe(204);
    const read = (await send('GET', `${base}/${json.id}`, { headers: employee })).json;
    expect(read.orders[0].items).toEqual([
      { id: '32090', name: 'T-shirt', quantity: 1, unitPrice: { value: 1.99, currency: 'USD' }, total: { value: 1.99, currency: 'USD' } },
      { id: '32102', name: 'Jacket', quantity: 3, unitPrice: { value: 1, currency: 'USD' }, total: { value: 3, currency: 'USD' } },
    ]);
    expect(read.total).toEqual({ value: 4.99, currency: 'USD' });
  });

  // Were 400s: Emporix's reference ties neither to the order, so both are served and recorded as risks (specs/README.md, "Calibration").
  it('serves a patch returning more than was ordered or an item not on the order as risks naming the field, priced again', async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const { json } = await send('POST', base, { headers: customer('cust-p'), body: seedOrder(1) });
    const refused = await send('PATCH', `${base}/${json.id}`, {
      headers: customer('cust-p'),
      body: [
        { op: 'replace', path: '/orders/0/items/0/quantity', value: 3 },
        { op: 'add', path: '/orders/0/items/-', value: { id: 'not-on-it', quantity: 1 } },
      ],
    });
    expect(refused.status).toBe(204);
    expect((await lastJournalEntry(send)).violations.map((finding) => [finding.pointer, finding.code, finding.level])).toEqual([
      ['/orders/0/items/0/quantity', 'state.order-item.quantity-exceeded', 'risk'],
      ['/orders/0/items/1/id', 'state.order-item.not-on-order', 'risk'],
    ]);
    const read = (await send('GET', `${base}/${json.id}`, { headers: customer('cust-p') })).json;
    expect(read.orders[0].items[0]).toMatchObject({ quantity: 3, total: { value: 5.97 } });
    expect(read.metadata.version).toBe(2);
  });

  // Was a 400: no source says such a patch is refused; the operations are skipped and recorded as risks.
  it("skips a patch of an item's name, unitPrice or total, which the service takes from the order, as risks", async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const { json } = await send('POST', base, { headers: customer('cust-q'), body: seedOrder(1) });
    const refused = await send('PATCH', `${base}/${json.id}`, {
      headers: customer('cust-q'),
      body: [
        { op: 'replace', path: '/orders/0/items/0/total/value', value: 0 },
        { op: 'replace', path: '/orders/0/items/0/unitPrice', value: { value: 0, currency: 'USD' } },
        { op: 'replace', path: '/orders/0/items/0/name', value: 'Free' },
      ],
    });
    expect(refused.status).toBe(204);
    expect((await lastJournalEntry(send)).violations.map((finding) => [finding.pointer, finding.code, finding.level])).toEqual([
      ['/0/path', 'state.patch.read-only-path', 'risk'],
      ['/1/path', 'state.patch.read-only-path', 'risk'],
      ['/2/path', 'state.patch.read-only-path', 'risk'],
    ]);
    expect((await send('GET', `${base}/${json.id}`, { headers: customer('cust-q') })).json.orders[0].items[0]).toEqual({
      id: '32090',
      name: 'T-shirt',
      quantity: 1,
      unitPrice: { value: 1.99, currency: 'USD' },
      total: { value: 1.99, currency: 'USD' },
    });
  });
});

describe('Emporix create', () => {
  it("takes an item's name and prices from the order, not from the request", async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const sent = { orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1, name: 'Free T-shirt', unitPrice: { value: 0, currency: 'USD' } }] }], reason: { code: '001' } };
    const { json } = await send('POST', base, { headers: customer('cust-n'), body: sent });
    expect((await send('GET', `${base}/${json.id}`, { headers: customer('cust-n') })).json.orders[0].items[0]).toEqual({
      id: '32090',
      name: 'T-shirt',
      quantity: 1,
      unitPrice: { value: 1.99, currency: 'USD' },
      total: { value: 1.99, currency: 'USD' },
    });
  });
});

describe('Emporix PUT', () => {
  it("replaces metadata.mixins with the body's", async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const { json } = await send('POST', base, { headers: customer('cust-m'), body: { ...seedOrder(1), metadata: { mixins: { old: 'https://example.com/old.json' } } } });
    const put = await send('PUT', `${base}/${json.id}`, {
      headers: customer('cust-m'),
      body: { ...seedOrder(1), metadata: { version: 1, mixins: { customAttributes: 'https://example.com/v2.json' } } },
    });
    expect(put.status).toBe(204);
    expect((await send('GET', `${base}/${json.id}`, { headers: customer('cust-m') })).json.metadata).toMatchObject({
      version: 2,
      mixins: { customAttributes: 'https://example.com/v2.json' },
    });
  });
});

describe('Emporix errors', () => {
  it('names the missing return in returnId on a 404 (Emporix returnErrorMessage)', async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const missing = await send('GET', `${base}/no-such-return`, { headers: employee });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ returnId: 'no-such-return', code: 404, status: 'Not Found', details: [{ field: 'returnId', type: 'state.return.not-found' }] });
  });

  it('answers a sort that names no field with 400 naming sort', async () => {
    const { send } = await createTestMock({ vendors: ['emporix'] });
    const refused = await send('GET', `${base}?sort=${encodeURIComponent('metadata.createdAt;desc')}`, { headers: employee });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.json)).toEqual([['sort', 'request.query.sort']]);
    expect((await send('GET', `${base}?sort=${encodeURIComponent('metadata.createdAt:desc,id')}`, { headers: employee })).status).toBe(200);
  });
});
