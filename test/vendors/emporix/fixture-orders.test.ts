import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MockOptions } from '../../../src/index.js';
import { fabricatedUnitPrice } from '../../../src/vendors/emporix/return-record.js';
import { createTestMock } from '../../helpers/mock-client.js';
import { lastJournalEntry } from '../realistic-clients/last-journal-entry.js';

const employee = { authorization: 'Bearer emporix-employee-token' };
/** The declared customer C120046, with the saas-token header a customer's write needs. */
const customer = { authorization: 'Bearer emporix-customer-token', 'saas-token': 'session-of-C120046' };
/** What an employee's create and PUT must carry besides the orders (Emporix): the customer it is for, and who submits it. */
const BY_EMPLOYEE = { requestor: { customerId: 'C120046' }, submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' } };
const returnsOf = (tenant: string) => `/emporix/return/${tenant}/returns`;
const item = (id: string, quantity: number) => ({ id, quantity });
/** An employee's create body. */
const body = (...orders: Array<{ id: string; items: Array<{ id: string; quantity: number }> }>) => ({
  orders,
  reason: { code: '001', details: 'The items do not work.' },
  ...BY_EMPLOYEE,
});

/** The seed's create sample (order B1LMYY52: 2 T-shirts 32090, 15 Jackets 32102): a customer's body; an employee adds {@link BY_EMPLOYEE}. */
const SEED_CREATE = {
  orders: [
    {
      id: 'B1LMYY52',
      items: [
        { id: '32090', quantity: 2, reason: { code: '001' } },
        { id: '32102', quantity: 15, reason: { details: "It's too small." } },
      ],
    },
  ],
  reason: { code: '001', details: 'The items do not work.' },
};

async function createEmporixMock(options: MockOptions = {}) {
  const db = path.join(await mkdtemp(path.join(tmpdir(), 'returns-mock-emporix-fixtures-')), 'store.json');
  const mock = await createTestMock({ vendors: ['emporix'], db, inMemory: false, clock: '2024-03-01T10:00:00.000Z', seed: 3, ...options });
  /** Creates a return and reads it back (the read only when the create succeeded). */
  const createAndRead = async (tenant: string, payload: object, headers: Record<string, string> = employee) => {
    const created = await mock.send('POST', returnsOf(tenant), { headers, body: payload });
    const read = created.status === 201 ? await mock.send('GET', `${returnsOf(tenant)}/${created.json.id}`, { headers }) : undefined;
    return { created, read: read?.json };
  };
  return { ...mock, createAndRead };
}

describe('Emporix returns priced and checked against fixture orders', () => {
  it("prices the seed's create sample from acme's order B1LMYY52 exactly as the seed's GET sample shows it", async () => {
    const emporix = await createEmporixMock();
    const { created, read } = await emporix.createAndRead('acme', SEED_CREATE, customer);
    expect(created.status).toBe(201);
    expect(read.orders).toEqual([
      {
        id: 'B1LMYY52',
        items: [
          { id: '32090', name: 'T-shirt', quantity: 2, reason: { code: '001' }, unitPrice: { value: 1.99, currency: 'USD' }, total: { value: 3.98, currency: 'USD' } },
          { id: '32102', name: 'Jacket', quantity: 15, reason: { details: "It's too small." }, unitPrice: { value: 1, currency: 'USD' }, total: { value: 15, currency: 'USD' } },
        ],
      },
    ]);
    expect(read.total).toEqual({ value: 18.98, currency: 'USD' });
  });

  it("prices a tenant's order in its currency; an order the fixtures lack at the fabricated price in the tenant's currency (USD for an unknown tenant)", async () => {
    const emporix = await createEmporixMock();
    const globex = (await emporix.createAndRead('globex', body({ id: 'G7KLMN04', items: [item('50011', 2)] }))).read;
    expect(globex.orders[0].items[0]).toMatchObject({ name: 'Descaler', unitPrice: { value: 12.49, currency: 'EUR' }, total: { value: 24.98, currency: 'EUR' } });
    const unknownOrder = (await emporix.createAndRead('globex', body({ id: 'X-1', items: [item('7', 3)] }))).read;
    const unit = fabricatedUnitPrice('X-1', '7');
    expect(unknownOrder.orders[0].items[0]).toEqual({
      id: '7',
      quantity: 3,
      unitPrice: { value: unit, currency: 'EUR' },
      total: { value: Math.round(unit * 3 * 100) / 100, currency: 'EUR' },
    });
    const unknownTenant = (await emporix.createAndRead('umbrella', body({ id: 'X-1', items: [item('7', 3)] }))).read;
    expect(unknownTenant.total.currency).toBe('USD');
    expect(unknownTenant.orders[0].items[0].unitPrice.value).toBe(unit);
  });

  it("treats another tenant's order as unknown: acme cannot see globex's order G7KLMN04", async () => {
    const emporix = await createEmporixMock();
    const { created, read } = await emporix.createAndRead('acme', body({ id: 'G7KLMN04', items: [item('50010', 5)] }));
    expect(created.status).toBe(201);
    expect(read.orders[0].items[0].unitPrice).toEqual({ value: fabricatedUnitPrice('G7KLMN04', '50010'), currency: 'USD' });
    expect(read.orders[0].items[0].name).toBeUndefined();
  });

  // Were 400s: Emporix's reference ties neither to the ordered amounts, so both are served and recorded as risks.
  it('serves more than was ordered (items naming the same order item add up) and an item not on the order, a risk naming each field', async () => {
    const emporix = await createEmporixMock();
    const served = await emporix.send('POST', returnsOf('acme'), {
      headers: employee,
      body: body({ id: 'B2QXRT81', items: [item('41001', 2), item('41002', 3), item('41999', 1)] }, { id: 'B2QXRT81', items: [item('41002', 2)] }),
    });
    expect(served.status).toBe(201);
    expect((await lastJournalEntry(emporix.send)).violations.map((finding) => [finding.pointer, finding.code, finding.level])).toEqual([
      ['/orders/0/items/0/quantity', 'state.order-item.quantity-exceeded', 'risk'],
      ['/orders/0/items/2/id', 'state.order-item.not-on-order', 'risk'],
      ['/orders/1/items/0/quantity', 'state.order-item.quantity-exceeded', 'risk'],
    ]);
    expect((await emporix.send('POST', returnsOf('acme'), { headers: employee, body: body({ id: 'B2QXRT81', items: [item('41001', 1), item('41002', 4)] }) })).status).toBe(201);
    expect((await lastJournalEntry(emporix.send)).violations).toEqual([]);
  });

  it('refuses a return whose known orders have different currencies, naming the odd order', async () => {
    const emporix = await createEmporixMock();
    const loaded = await emporix.send('POST', '/__admin/fixtures', {
      body: { emporix: { orders: [{ id: 'A9EUR001', tenant: 'acme', currency: 'EUR', items: [{ id: '1', quantity: 1, unitPrice: 5 }] }] } },
    });
    expect(loaded.status).toBe(200);
    const refused = await emporix.send('POST', returnsOf('acme'), {
      headers: employee,
      body: body({ id: 'B1LMYY52', items: [item('32090', 1)] }, { id: 'A9EUR001', items: [item('1', 1)] }),
    });
    expect(refused.status).toBe(400);
    expect(refused.json.details).toEqual([expect.objectContaining({ field: 'orders[1].id', type: 'state.order.currency-mismatch' })]);
  });

  it('checks and re-prices a PUT the same way', async () => {
    const emporix = await createEmporixMock();
    const { created } = await emporix.createAndRead('acme', body({ id: 'B1LMYY52', items: [item('32090', 1)] }));
    const path = `${returnsOf('acme')}/${created.json.id}`;
    const over = await emporix.send('PUT', path, {
      headers: employee,
      body: { ...body({ id: 'B1LMYY52', items: [item('32090', 3)] }), approvalStatus: 'PENDING', metadata: { version: 1 } },
    });
    expect(over.status).toBe(204);
    expect((await lastJournalEntry(emporix.send)).violations).toEqual([
      expect.objectContaining({ pointer: '/orders/0/items/0/quantity', code: 'state.order-item.quantity-exceeded', level: 'risk' }),
    ]);
    expect(
      (
        await emporix.send('PUT', path, {
          headers: employee,
          body: { ...body({ id: 'B1LMYY52', items: [item('32102', 10)] }), approvalStatus: 'PENDING', metadata: { version: 2 } },
        })
      ).status,
    ).toBe(204);
    expect((await emporix.send('GET', path, { headers: employee })).json).toMatchObject({
      total: { value: 10, currency: 'USD' },
      orders: [{ items: [{ name: 'Jacket' }] }],
      metadata: { version: 3 },
    });
  });

  describe('with strictFixtures', () => {
    it("refuses an order the fixtures lack (also another tenant's) with 400 naming orders[i].id, and takes the known ones", async () => {
      const emporix = await createEmporixMock({ strictFixtures: true });
      const refused = await emporix.send('POST', returnsOf('acme'), {
        headers: employee,
        body: body({ id: 'B1LMYY52', items: [item('32090', 1)] }, { id: 'X-1', items: [item('7', 1)] }, { id: 'G7KLMN04', items: [item('50010', 1)] }),
      });
      expect(refused.status).toBe(400);
      expect(refused.json.details.map((d: { field: string; type: string }) => [d.field, d.type])).toEqual([
        ['orders[1].id', 'state.order.unknown'],
        ['orders[2].id', 'state.order.unknown'],
      ]);
      expect((await emporix.send('POST', returnsOf('acme'), { headers: employee, body: { ...SEED_CREATE, ...BY_EMPLOYEE } })).status).toBe(201);
    });

    it('answers 404 for a tenant the fixtures lack, on every operation', async () => {
      const emporix = await createEmporixMock({ strictFixtures: true });
      const answers = [
        await emporix.send('POST', returnsOf('umbrella'), { headers: employee, body: { ...SEED_CREATE, ...BY_EMPLOYEE } }),
        await emporix.send('GET', returnsOf('umbrella'), { headers: employee }),
        await emporix.send('GET', `${returnsOf('umbrella')}/some-id`, { headers: employee }),
        await emporix.send('DELETE', `${returnsOf('umbrella')}/some-id`, { headers: employee }),
      ];
      for (const answer of answers)
        expect(answer.json).toEqual({
          code: 404,
          status: 'Not Found',
          message: 'The tenant umbrella has not been found.',
          details: [{ field: 'tenant', type: 'state.tenant.not-found', message: 'The tenant umbrella has not been found.' }],
        });
      expect((await emporix.send('GET', returnsOf('initech'), { headers: employee })).status).toBe(200);
    });
  });
});
