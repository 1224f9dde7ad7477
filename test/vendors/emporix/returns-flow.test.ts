import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestMock } from '../../helpers/mock-client.js';

const employee = { authorization: 'Bearer employee-token' };
const customer = (id: string) => ({ authorization: 'Bearer customer-token', 'saas-token': id });
const base = '/emporix/return/acme/returns';
const newReturn = (orderId: string, quantity = 2) => ({
  orders: [{ id: orderId, items: [{ id: '32090', quantity, reason: { code: '001' } }] }],
  reason: { code: '001', details: 'The items do not work.' },
});
/** What an employee's create and PUT must carry besides the orders (Emporix): the customer it is for, and who submits it. */
const byEmployee = (customerId = 'c-1') => ({ requestor: { customerId }, submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' } });
const employeeReturn = (orderId: string, quantity = 2) => ({ ...newReturn(orderId, quantity), ...byEmployee() });
const jwt = (claims: object) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;

describe('Emporix returns over the in-process app with a real store file', async () => {
  const db = path.join(await mkdtemp(path.join(tmpdir(), 'returns-mock-emporix-')), 'store.json');
  const { send, store } = await createTestMock({ vendors: ['emporix'], db, inMemory: false, clock: '2024-03-01T10:00:00.000Z', seed: 3 });

  it('creates a return (201 {id}) and reads it back, priced and PENDING', async () => {
    const created = await send('POST', base, { headers: employee, body: { ...newReturn('B1LMYY52'), ...byEmployee('c-1') } });
    expect(created.status).toBe(201);
    const read = await send('GET', `${base}/${created.json.id}`, { headers: employee });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({
      id: created.json.id,
      approvalStatus: 'PENDING',
      received: false,
      requestor: { customerId: 'c-1' },
      submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
      expiryDate: '2024-03-31T10:00:00.000Z',
      metadata: { createdAt: '2024-03-01T10:00:00.000Z', modifiedAt: '2024-03-01T10:00:00.000Z', version: 1 },
    });
    const item = read.json.orders[0].items[0];
    expect(item.total.value).toBeCloseTo(item.unitPrice.value * 2, 2);
    expect(read.json.total).toEqual(item.total);
  });

  it('lists with q, sort, pages and X-Total-Count, and keeps tenants apart', async () => {
    for (const order of ['O-2', 'O-3', 'O-4']) await send('POST', base, { headers: employee, body: employeeReturn(order) });
    await send('POST', '/emporix/return/globex/returns', { headers: employee, body: employeeReturn('O-9') });
    const page = await send('GET', `${base}?q=${encodeURIComponent('orders.id:(O-2,O-3,O-4)')}&sort=orders.id:desc&pageSize=2&pageNumber=1`, {
      headers: { ...employee, 'X-Total-Count': 'true' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('x-total-count')).toBe('3');
    expect(page.json.map((r: { orders: Array<{ id: string }> }) => r.orders[0]!.id)).toEqual(['O-4', 'O-3']);
    const second = await send('GET', `${base}?q=${encodeURIComponent('orders.id:~^O-')}&sort=orders.id&pageSize=2&pageNumber=2`, { headers: employee });
    expect(second.json.map((r: { orders: Array<{ id: string }> }) => r.orders[0]!.id)).toEqual(['O-4']);
    expect(second.headers.get('x-total-count')).toBeNull();
    const all = await send('GET', `${base}?pageSize=60`, { headers: employee });
    expect(all.json.map((r: { orders: Array<{ id: string }> }) => r.orders[0]!.id)).not.toContain('O-9');
    const bad = await send('GET', `${base}?q=approvalStatus`, { headers: employee });
    expect(bad.status).toBe(400);
    expect(bad.json.details[0]).toMatchObject({ field: 'q', type: 'request.query.q' });
  });

  it('PUT replaces and bumps metadata.version; a stale version is 409', async () => {
    const { json } = await send('POST', base, { headers: employee, body: employeeReturn('O-5') });
    const put = await send('PUT', `${base}/${json.id}`, { headers: employee, body: { ...employeeReturn('O-5', 1), metadata: { version: 1 }, approvalStatus: 'APPROVED' } });
    expect(put.status).toBe(204);
    const read = await send('GET', `${base}/${json.id}`, { headers: employee });
    expect(read.json).toMatchObject({ approvalStatus: 'APPROVED', metadata: { version: 2 } });
    expect(read.json.orders[0].items[0].quantity).toBe(1);
    const stale = await send('PUT', `${base}/${json.id}`, { headers: employee, body: { ...employeeReturn('O-5'), metadata: { version: 1 }, approvalStatus: 'APPROVED' } });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: 409, details: [{ field: 'metadata.version', type: 'state.return.version-conflict' }] });
  });

  it('PATCH applies RFC 6902 operations, bumps the version, and refuses ops that cannot apply or break the schema', async () => {
    const { json } = await send('POST', base, { headers: employee, body: employeeReturn('O-6') });
    const patched = await send('PATCH', `${base}/${json.id}`, {
      headers: employee,
      body: [
        { op: 'replace', path: '/received', value: true },
        { op: 'add', path: '/mixins', value: { note: { a: 1 } } },
      ],
    });
    expect(patched.status).toBe(204);
    expect((await send('GET', `${base}/${json.id}`, { headers: employee })).json).toMatchObject({ received: true, mixins: { note: { a: 1 } }, metadata: { version: 2 } });
    const missing = await send('PATCH', `${base}/${json.id}`, { headers: employee, body: [{ op: 'remove', path: '/nothing/here' }] });
    expect(missing.status).toBe(400);
    const broken = await send('PATCH', `${base}/${json.id}`, { headers: employee, body: [{ op: 'replace', path: '/approvalStatus', value: 'MAYBE' }] });
    expect(broken.status).toBe(400);
    expect(broken.json.details[0]).toMatchObject({ field: 'approvalStatus', type: 'state.return.invalid' });
    const proto = await send('PATCH', `${base}/${json.id}`, { headers: employee, body: [{ op: 'add', path: '/__proto__/polluted', value: true }] });
    expect(proto.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a customer (saas-token) sees and changes only their own returns, without employee fields', async () => {
    const mine = await send('POST', base, { headers: customer('cust-a'), body: newReturn('O-7') });
    expect(mine.status).toBe(201);
    await send('POST', base, { headers: customer('cust-b'), body: newReturn('O-8') });
    const list = await send('GET', `${base}?pageSize=60`, { headers: customer('cust-a') });
    expect(list.json.map((r: { id: string }) => r.id)).toEqual([mine.json.id]);
    expect(list.json[0].requestor).toBeUndefined();
    expect((await send('GET', `${base}/${mine.json.id}`, { headers: customer('cust-b') })).status).toBe(404);
    expect((await send('GET', `${base}/${mine.json.id}`, { headers: employee })).json.requestor).toEqual({ customerId: 'cust-a' });
  });

  it('a customer delete closes a PENDING return, which stays readable; then it cannot be changed; an employee delete removes it', async () => {
    const { json } = await send('POST', base, { headers: customer('cust-c'), body: newReturn('O-10') });
    expect((await send('DELETE', `${base}/${json.id}`, { headers: customer('cust-c') })).status).toBe(204);
    expect((await send('GET', `${base}/${json.id}`, { headers: customer('cust-c') })).json.approvalStatus).toBe('CLOSED');
    const again = await send('PATCH', `${base}/${json.id}`, { headers: customer('cust-c'), body: [{ op: 'replace', path: '/reason/details', value: 'x' }] });
    expect(again.status).toBe(400);
    expect(again.json.details[0].type).toBe('state.return.not-pending');
    expect((await send('DELETE', `${base}/${json.id}`, { headers: employee })).status).toBe(204);
    expect((await send('GET', `${base}/${json.id}`, { headers: employee })).status).toBe(404);
  });

  it('honours a JWT scope claim: a read-only token may not create (403)', async () => {
    const readOnly = { authorization: `Bearer ${jwt({ sub: 'svc', scope: 'returns.returns_read' })}` };
    expect((await send('GET', base, { headers: readOnly })).status).toBe(200);
    const refused = await send('POST', base, { headers: readOnly, body: employeeReturn('O-11') });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 403, status: 'Forbidden' });
  });

  it('keeps every acknowledged write across a restart on the same store file', async () => {
    const before = (await send('GET', `${base}?pageSize=60`, { headers: employee })).json;
    // One mock a store file: the first closes before the restart opens it.
    await store.close();
    const restarted = await createTestMock({ vendors: ['emporix'], db, inMemory: false });
    const after = (await restarted.send('GET', `${base}?pageSize=60`, { headers: employee })).json;
    await restarted.store.close();
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThan(5);
  });
});

describe('Emporix return ids across restarts with the same --seed', () => {
  it('never hands out an id already stored, so a create after a restart overwrites nothing', async () => {
    const db = path.join(await mkdtemp(path.join(tmpdir(), 'returns-mock-emporix-ids-')), 'store.json');
    const createIn = async (mock: Awaited<ReturnType<typeof createTestMock>>) =>
      (await mock.send('POST', base, { headers: employee, body: employeeReturn('B1LMYY52', 1) })).json.id as string;
    const first = await createTestMock({ vendors: ['emporix'], db, inMemory: false, seed: 7 });
    const before = [await createIn(first), await createIn(first)];
    await first.store.close();

    const second = await createTestMock({ vendors: ['emporix'], db, inMemory: false, seed: 7 });
    const after = [await createIn(second), await createIn(second)];
    const listed = (await second.send('GET', `${base}?pageSize=60`, { headers: employee })).json.map((r: { id: string }) => r.id);
    await second.store.close();
    expect(new Set([...before, ...after]).size).toBe(4);
    expect([...listed].sort()).toEqual([...before, ...after].sort());
    for (const id of [...before, ...after]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives the same ids for the same seed and requests on a fresh store, and other ids for another seed', async () => {
    const idsFor = async (seed: number) => {
      const mock = await createTestMock({ vendors: ['emporix'], seed });
      const ids = [];
      for (const tenant of ['acme', 'acme', 'other'])
        ids.push((await mock.send('POST', `/emporix/return/${tenant}/returns`, { headers: employee, body: employeeReturn('B1LMYY52', 1) })).json.id as string);
      await mock.store.close();
      return ids;
    };
    const once = await idsFor(11);
    expect(await idsFor(11)).toEqual(once);
    expect(new Set(once).size).toBe(3);
    expect(await idsFor(12)).not.toEqual(once);
  });
});
