import { describe, expect, it } from 'vitest';
import { JTL_RULES } from '../../../src/vendors/jtl/rules.js';
import { CLOCK, createJtlMock, jtlHeaders, lastFindings, oneItem, RETURNS, SEED_REQUEST, TENANT_A, TENANT_B, tempStoreFile } from './jtl-client.js';

describe('JTL POST /erp/returns', () => {
  it('answers the seed example with 201 and the documented Return: server Id and Number, the order customer, initial state, Origin 7, echoed fields', async () => {
    const jtl = await createJtlMock();
    const created = await jtl.create(SEED_REQUEST);
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    expect(created.json).toEqual({
      Id: 1,
      Number: 'A1000001',
      ReturnDate: '2023-02-01T12:45:00.0000000+00:00',
      CustomerId: 123,
      ExternalNumber: 'EX-12345',
      Origin: 7,
      CompanyId: 123,
      SalesOrderId: 123,
      StateId: 123,
      WarehouseId: 123,
      ExternalComment: 'a replacement is needed',
      InternalComment: 'handle with care',
      Contact: 'Mr. Robinson',
    });
    // The documented property order, as the page's sample writes it.
    expect(Object.keys(created.json)).toEqual([
      'Id',
      'Number',
      'ReturnDate',
      'CustomerId',
      'ExternalNumber',
      'Origin',
      'CompanyId',
      'SalesOrderId',
      'StateId',
      'WarehouseId',
      'ExternalComment',
      'InternalComment',
      'Contact',
    ]);
  });

  it('takes CustomerId from the fixture sales order, dates an undated return with the clock, and fills absent texts with ""', async () => {
    const jtl = await createJtlMock();
    const created = await jtl.create(oneItem(200, 201, 2));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ CustomerId: 4711, SalesOrderId: 200, ReturnDate: CLOCK.replace('.000Z', '.0000000+00:00'), ExternalNumber: '', Contact: '' });
  });

  it('numbers returns A1000001, A1000002, ... with increasing Ids', async () => {
    const jtl = await createJtlMock();
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await jtl.create(oneItem(123, 123)));
    expect(answers.map((a) => [a.json.Id, a.json.Number])).toEqual([
      [1, 'A1000001'],
      [2, 'A1000002'],
      [3, 'A1000003'],
    ]);
  });

  it('stores each return with its items and packages, each with a server id', async () => {
    const jtl = await createJtlMock();
    await jtl.create(SEED_REQUEST);
    const stored = (await jtl.send('GET', '/__admin/state')).json.vendors.jtl[TENANT_A].collections.returns;
    expect(stored).toHaveLength(1);
    const [id, record] = stored[0];
    expect(id).toBe('1');
    expect(record.Items).toEqual([{ ...SEED_REQUEST.Items[0], Id: 1 }]);
    expect(record.Packages).toEqual([{ ...SEED_REQUEST.Packages[0], Id: 1 }]);
  });

  it('fabricates an unknown company, sales order and warehouse: the same seed gives the same CustomerId, another seed another', async () => {
    const body = oneItem(777_001, 5, 3, { CompanyId: 9001, WarehouseId: 9002 });
    const first = await (await createJtlMock({ seed: 7 })).create(body);
    const again = await (await createJtlMock({ seed: 7 })).create(body);
    const otherSeed = await (await createJtlMock({ seed: 8 })).create(body);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ CompanyId: 9001, SalesOrderId: 777_001, WarehouseId: 9002 });
    expect(first.json.CustomerId).toBeGreaterThanOrEqual(1000);
    expect(again.json.CustomerId).toBe(first.json.CustomerId);
    expect(otherSeed.json.CustomerId).not.toBe(first.json.CustomerId);
  });

  it('keeps a fabricated sales order: later returns get its customer and are checked against its line items (a foreign line is a risk, not a refusal: the page states no such check)', async () => {
    const jtl = await createJtlMock();
    const first = await jtl.create(oneItem(777_002, 5, 1));
    const second = await jtl.create(oneItem(777_002, 5, 1));
    expect(second.status).toBe(201);
    expect(second.json.CustomerId).toBe(first.json.CustomerId);
    const foreign = await jtl.create(oneItem(777_002, 6, 1));
    expect(foreign.status).toBe(201);
    expect(lastFindings(jtl)).toEqual([expect.objectContaining({ code: JTL_RULES.lineItemNotOnOrder.code, level: 'risk', pointer: '/Items/0/SalesOrderLineItemId' })]);
  });

  it('with strictFixtures refuses an unknown company, sales order and warehouse with one 400 naming each, and still takes the fixtures', async () => {
    const jtl = await createJtlMock({ strictFixtures: true });
    const refused = await jtl.create(oneItem(777_003, 5, 1, { CompanyId: 9001, WarehouseId: 9002 }));
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.json).toMatchObject({ status: 400, title: 'One or more validation errors occurred.' });
    expect(Object.keys(refused.json.errors).sort()).toEqual(['CompanyId', 'SalesOrderId', 'WarehouseId']);
    expect(refused.json.errors.SalesOrderId).toEqual(['sales order 777003 does not exist']);
    expect((await jtl.create(SEED_REQUEST)).status).toBe(201);
    const stored = (await jtl.send('GET', '/__admin/state')).json.vendors.jtl[TENANT_A].collections;
    expect(stored.salesOrders).toBeUndefined();
    expect(stored.returns).toHaveLength(1);
  });

  it('serves a line item that is not on the sales order and records a risk naming Items[i].SalesOrderLineItemId (no vendor source refuses it)', async () => {
    const jtl = await createJtlMock();
    const served = await jtl.create({
      ...oneItem(123, 123),
      Items: [
        { Quantity: 1, SalesOrderLineItemId: 123 },
        { Quantity: 1, SalesOrderLineItemId: 201 },
      ],
    });
    expect(served.status).toBe(201);
    expect(lastFindings(jtl)).toEqual([
      expect.objectContaining({
        code: 'state.line-item.not-on-order',
        level: 'risk',
        source: 'mock',
        pointer: '/Items/1/SalesOrderLineItemId',
        message: 'line item 201 is not on sales order 123',
      }),
    ]);
    expect((await jtl.send('GET', '/__admin/state')).json.vendors.jtl[TENANT_A].collections.returns).toHaveLength(1);
  });

  it('records returning more than the line item holds as a risk (no vendor source refuses it), items naming the same line adding up, decimals allowed', async () => {
    const jtl = await createJtlMock();
    const over = await jtl.create(oneItem(123, 124, 2));
    expect(over.status).toBe(201);
    expect(lastFindings(jtl)).toEqual([
      expect.objectContaining({
        code: 'state.line-item.quantity-exceeded',
        level: 'risk',
        pointer: '/Items/0/Quantity',
        message: 'returning 2 of line item 124 exceeds its quantity 1',
      }),
    ]);
    await jtl.create({
      ...oneItem(123, 123),
      Items: [
        { Quantity: 3, SalesOrderLineItemId: 123 },
        { Quantity: 2.5, SalesOrderLineItemId: 123 },
      ],
    });
    expect(lastFindings(jtl).map((finding) => finding.pointer)).toEqual(['/Items/1/Quantity']);
    expect((await jtl.create(oneItem(200, 202, 3.5))).status).toBe(201);
    expect(lastFindings(jtl)).toEqual([]);
    await jtl.create({
      ...oneItem(200, 202),
      Items: [
        { Quantity: 0.1, SalesOrderLineItemId: 202 },
        { Quantity: 0.2, SalesOrderLineItemId: 202 },
        { Quantity: 3.2, SalesOrderLineItemId: 202 },
      ],
    });
    expect(lastFindings(jtl)).toEqual([]);
  });

  it('accepts a return reason the fixtures lack, as other references are (closed only with strictFixtures, then a 400 naming Items[i].ReturnReasonId)', async () => {
    const body = { ...oneItem(123, 123), Items: [{ Quantity: 1, SalesOrderLineItemId: 123, ReturnReasonId: 999 }] };
    const open = await createJtlMock();
    expect((await open.create(body)).status).toBe(201);
    expect(lastFindings(open)).toEqual([]);
    const refused = await (await createJtlMock({ strictFixtures: true })).create(body);
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual({ 'Items[0].ReturnReasonId': ['return reason 999 does not exist'] });
  });

  it("keeps tenants apart: a fabricated order of tenant A is not tenant B's, and each tenant numbers from A1000001", async () => {
    const jtl = await createJtlMock();
    const inA = await jtl.create(oneItem(777_004, 1, 1), jtlHeaders(TENANT_A));
    await jtl.create(oneItem(123, 123), jtlHeaders(TENANT_A));
    // Tenant B fabricates its own order 777004, with the line item its first request names.
    const inB = await jtl.create(oneItem(777_004, 2, 1), jtlHeaders(TENANT_B));
    expect(inB.status).toBe(201);
    expect(inB.json).toMatchObject({ Id: 1, Number: 'A1000001' });
    expect(inB.json.CustomerId).not.toBe(inA.json.CustomerId);
    await jtl.create(oneItem(777_004, 2, 1), jtlHeaders(TENANT_A));
    expect(lastFindings(jtl).map((finding) => finding.code)).toEqual(['state.line-item.not-on-order']);
    await jtl.create(oneItem(777_004, 1, 1), jtlHeaders(TENANT_B));
    expect(lastFindings(jtl).map((finding) => finding.code)).toEqual(['state.line-item.not-on-order']);
    const state = (await jtl.send('GET', '/__admin/state')).json.vendors.jtl;
    expect(state[TENANT_A].collections.returns.map(([id]: [string]) => id)).toEqual(['1', '2', '3']);
    expect(state[TENANT_B].collections.returns.map(([id]: [string]) => id)).toEqual(['1', '2']);
  });

  it('keeps returns, fabricated orders and sequences across a restart on the same store file', async () => {
    const db = await tempStoreFile();
    const before = await createJtlMock({ db });
    const fabricated = await before.create(oneItem(777_005, 3, 2));
    await before.create(oneItem(123, 123), jtlHeaders(TENANT_B));
    await before.store.close();
    const after = await createJtlMock({ db, seed: 99 });
    // Another seed would fabricate another customer: the stored order wins.
    const next = await after.create(oneItem(777_005, 3, 1));
    expect(next.json).toMatchObject({ Id: 2, Number: 'A1000002', CustomerId: fabricated.json.CustomerId });
    expect((await after.create(oneItem(123, 123), jtlHeaders(TENANT_B))).json.Id).toBe(2);
    const stored = (await after.send('GET', '/__admin/state')).json.vendors.jtl[TENANT_A].collections.returns;
    expect(stored.map(([, record]: [string, { Number: string }]) => record.Number)).toEqual(['A1000001', 'A1000002']);
  });

  it('answers through the real spec: a 400 before the handler for a body that breaks the schema, in the same problem shape', async () => {
    const jtl = await createJtlMock();
    const refused = await jtl.send('POST', RETURNS, {
      headers: jtlHeaders(),
      body: { CompanyId: 123, SalesOrderId: 123, WarehouseId: 123, Items: [{ Quantity: 0, SalesOrderLineItemId: 123 }] },
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.json.errors)).toEqual(['Items[0].Quantity']);
  });
});
