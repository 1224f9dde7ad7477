import { describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';

const employee = { authorization: 'Bearer t' };
/** An employee's create: Emporix requires `requestor` and `submitter` from an employee. */
const newReturn = {
  orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }],
  reason: { code: '001' },
  requestor: { customerId: 'C-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
};

describe('admin API', async () => {
  const { send } = await createTestMock({ vendors: ['emporix', 'jtl'] });

  it('dumps the state and resets one tenant, one vendor or everything', async () => {
    await send('POST', '/emporix/return/acme/returns', { headers: employee, body: newReturn });
    await send('POST', '/emporix/return/globex/returns', { headers: employee, body: newReturn });
    const state = (await send('GET', '/__admin/state')).json;
    expect(Object.keys(state.vendors.emporix).sort()).toEqual(['acme', 'globex']);
    expect((await send('POST', '/__admin/reset?vendor=emporix&tenant=acme')).status).toBe(200);
    expect((await send('GET', '/emporix/return/acme/returns', { headers: employee })).json).toEqual([]);
    expect((await send('GET', '/emporix/return/globex/returns', { headers: employee })).json).toHaveLength(1);
    await send('POST', '/__admin/reset');
    expect((await send('GET', '/emporix/return/globex/returns', { headers: employee })).json).toEqual([]);
  });

  it('refuses a reset of an unknown vendor or a tenant without vendor', async () => {
    expect((await send('POST', '/__admin/reset?vendor=nope')).status).toBe(400);
    expect((await send('POST', '/__admin/reset?tenant=acme')).json.error).toContain('tenant needs vendor');
  });

  it('loads fixtures at run time and refuses a bad document, naming the collection', async () => {
    const loaded = await send('POST', '/__admin/fixtures', { body: { jtl: { warehouses: [{ Id: 7 }] } } });
    expect(loaded.json).toEqual({ loaded: { jtl: { warehouses: 1 } } });
    const bad = await send('POST', '/__admin/fixtures', { body: { jtl: { warehouses: [{ Id: 8 }] }, emporix: { orders: 'x' } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toContain("'orders'");
    expect((await send('POST', '/__admin/fixtures', { body: { nope: {} } })).status).toBe(400);
    expect((await send('POST', '/__admin/fixtures', { body: '{not json', headers: { 'content-type': 'application/json' } })).status).toBe(400);
  });

  it('refuses a fixtures body over the body limit with 413 and loads nothing of it', async () => {
    const small = await createTestMock({ vendors: ['jtl'], maxBody: 1_000 });
    const huge = { jtl: { warehouses: Array.from({ length: 200 }, (_, Id) => ({ Id })) } };
    const refused = await small.send('POST', '/__admin/fixtures', { body: huge });
    expect(refused.status).toBe(413);
    expect(refused.json.error).toContain('1000 bytes');
    const within = await small.send('POST', '/__admin/fixtures', { body: { jtl: { warehouses: [{ Id: 7 }] } } });
    expect(within.json).toEqual({ loaded: { jtl: { warehouses: 1 } } });
  });
});
