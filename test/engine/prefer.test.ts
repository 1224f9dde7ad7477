import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/index.js';
import { createTestMock } from '../helpers/mock-client.js';

const employee = { authorization: 'Bearer employee-token' };
const base = '/emporix/return/acme/returns';
/** An employee's create: Emporix requires `requestor` and `submitter` from an employee. */
const newReturn = {
  orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1, reason: { code: '001' } }] }],
  reason: { code: '001' },
  requestor: { customerId: 'C-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
};

async function mockWithJournal(options: Parameters<typeof createTestMock>[0] = {}) {
  const exchanges: Exchange[] = [];
  const mock = await createTestMock({ vendors: ['emporix', 'intershop'], clock: '2024-03-01T10:00:00.000Z', onExchange: (exchange) => exchanges.push(exchange), ...options });
  return { ...mock, exchanges };
}

describe('Prefer: scenario control per request', () => {
  it('code=N answers with that documented status and its example, changes no state, and is marked in the exchange', async () => {
    const { send, exchanges } = await mockWithJournal();
    const forced = await send('POST', base, { headers: { ...employee, prefer: 'code=400' }, body: newReturn });
    expect(forced.status).toBe(400);
    expect(exchanges.at(-1)).toMatchObject({ scenario: { code: 400 }, responseViolations: [] });
    const list = await send('GET', `${base}?pageSize=60`, { headers: employee });
    expect(list.json).toEqual([]);
  });

  it('code=N for a status the operation does not document is a 400 naming the documented ones', async () => {
    const { send } = await mockWithJournal();
    const refused = await send('GET', `${base}/abc`, { headers: { ...employee, prefer: 'code=418' } });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toContain('documents no status 418');
    expect(refused.json.message).toContain('200, 400, 401');
  });

  it('example=name picks a named example; an unknown name is a 400 listing the names', async () => {
    const { send } = await mockWithJournal();
    const stale = await send('PUT', `${base}/abc`, { headers: { ...employee, prefer: 'code=409, example=staleVersion' }, body: { ...newReturn, metadata: { version: 1 } } });
    expect(stale.status).toBe(409);
    const unknown = await send('GET', `${base}/abc`, { headers: { ...employee, prefer: 'example=nope' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.message).toContain("no example 'nope'");
    expect(unknown.json.message).toContain('seed');
  });

  it("a forced answer's documented headers carry their examples too (IOM Location), faked only with dynamic=true", async () => {
    const { send, exchanges } = await mockWithJournal();
    const path = '/intershop/shops/Test%20Shop%20US%20DE/orders/20180303123/return-requests';
    const headers = { authorization: 'Basic ' + Buffer.from('admin:secret').toString('base64'), 'content-type': 'application/vnd.intershop.return-request.v1+json' };
    const body = { type: 'RETURN', positions: [{ positionNumber: 1, productNumber: '20180303123', reason: 'RET100', quantity: 1 }] };
    const forced = await send('POST', path, { headers: { ...headers, prefer: 'code=201' }, body });
    expect(forced.status).toBe(201);
    expect(forced.headers.get('location')).toBe('https://localhost/rest/rma/shops/Test%20Shop%20US%20DE/orders/20180303123/return-requests/10000');
    const faked = await send('POST', path, { headers: { ...headers, prefer: 'code=201, dynamic=true' }, body });
    expect(faked.headers.get('location')).not.toBe(forced.headers.get('location'));
    expect(exchanges.at(-1)).toMatchObject({ responseViolations: [] });
  });

  it('dynamic=true fakes a body from the schema instead of the example, and it fits the spec', async () => {
    const { send, exchanges } = await mockWithJournal();
    const fromExample = await send('GET', `${base}/abc`, { headers: { ...employee, prefer: 'code=200' } });
    const faked = await send('GET', `${base}/abc`, { headers: { ...employee, prefer: 'dynamic=true' } });
    expect(fromExample.json.id).toBe('7ba2f2b6-7dc8-45ff-9f20-4e6163c14c2e');
    expect(faked.status).toBe(200);
    expect(faked.json.id).not.toBe(fromExample.json.id);
    expect(exchanges.at(-1)!.responseViolations).toEqual([]);
  });

  it('a known preference with a bad value is a 400; unknown preferences are ignored (RFC 7240)', async () => {
    const { send } = await mockWithJournal();
    const bad = await send('GET', `${base}/abc`, { headers: { ...employee, prefer: 'delay=soon' } });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain('Prefer delay must be milliseconds');
    const ignored = await send('POST', base, { headers: { ...employee, prefer: 'return=minimal, respond-async' }, body: newReturn });
    expect(ignored.status).toBe(201);
  });

  it('of a preference given twice, in one header or in several, only the first counts (RFC 7240 section 2)', async () => {
    const { send, exchanges } = await mockWithJournal();
    const once = await send('GET', `${base}/abc`, { headers: { ...employee, prefer: 'code=404, code=500' } });
    expect(once.status).toBe(404);
    const headers = new Headers(employee);
    headers.append('prefer', 'code=404');
    headers.append('prefer', 'CODE="401"');
    expect((await send('GET', `${base}/abc`, { headers: Object.fromEntries(headers) })).status).toBe(404);
    expect(exchanges.at(-1)).toMatchObject({ scenario: { code: 404 }, violations: [] });
  });

  it('code=1xx is a 400 and a rule with status 1xx stops the start: only a final status can be forced', async () => {
    // A `default` response documents every status, 1xx included.
    const dir = await mkdtemp(path.join(tmpdir(), 'returns-mock-prefer-'));
    const file = path.join(dir, 'things.yaml');
    await writeFile(
      file,
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'Things', version: '1' },
        paths: { '/things': { get: { operationId: 'listThings', responses: { default: { description: 'any' } } } } },
      }),
    );
    const { send } = await mockWithJournal({ vendors: [], spec: [{ file }] });
    const refused = await send('GET', '/things/things', { headers: { prefer: 'code=101' } });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Prefer code must be an HTTP status code from 200 to 599');
    await expect(createTestMock({ vendors: [], spec: [{ file }], scenarios: [{ status: 101 }] })).rejects.toThrow('status must be an HTTP status code from 200 to 599, not 101');
  });

  it('a request that breaks the contract is refused as usual: Prefer does not bypass validation', async () => {
    const { send } = await mockWithJournal();
    const refused = await send('GET', `${base}/abc`, { headers: { prefer: 'code=200' } });
    expect(refused.status).toBe(401);
  });

  it('works in the vendor shape of each vendor (IOM ErrorReport for a bad preference)', async () => {
    const { send } = await mockWithJournal();
    const refused = await send('GET', '/intershop/shops/Test%20Shop%20US%20DE/return-reasons', { headers: { authorization: 'Basic YWRtaW46c2VjcmV0', prefer: 'fault=explode' } });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].message).toContain('Prefer fault must be one of reset, timeout, malformed');
  });
});

describe("scenario rules (the config file's scenarios)", () => {
  it("forces the rule's status with its probability, reproducibly for a seed", async () => {
    const run = async () => {
      const { send } = await mockWithJournal({ seed: 7, scenarios: [{ vendor: 'emporix', operation: 'getReturn', probability: 0.5, status: 404 }] });
      const { json } = await send('POST', base, { headers: employee, body: newReturn });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i += 1) statuses.push((await send('GET', `${base}/${json.id}`, { headers: employee })).status);
      return statuses;
    };
    const first = await run();
    expect(new Set(first)).toEqual(new Set([200, 404]));
    expect(first.filter((status) => status === 404).length).toBeGreaterThan(5);
    expect(first.filter((status) => status === 404).length).toBeLessThan(35);
    expect(await run()).toEqual(first);
  });

  it('a Prefer header wins over a rule', async () => {
    const { send } = await mockWithJournal({ scenarios: [{ vendor: 'emporix', operation: 'createReturn', status: 400 }] });
    expect((await send('POST', base, { headers: employee, body: newReturn })).status).toBe(400);
    expect((await send('POST', base, { headers: { ...employee, prefer: 'code=201' }, body: newReturn })).status).toBe(201);
  });

  it('refuses at start a rule that could force an undocumented answer or never match', async () => {
    await expect(createTestMock({ vendors: ['emporix'], scenarios: [{ vendor: 'emporix', operation: 'getReturn', status: 418 }] })).rejects.toThrow(
      'status 418 is not documented by getReturn',
    );
    await expect(createTestMock({ vendors: ['emporix'], scenarios: [{ vendor: 'emporix', operation: 'getReturnz' }] })).rejects.toThrow("has no operation 'getReturnz'");
    await expect(createTestMock({ vendors: ['emporix'], scenarios: [{ vendor: 'emporix', probability: 2 }] })).rejects.toThrow('probability must be from 0 to 1');
    await expect(createTestMock({ vendors: ['emporix'], scenarios: [{ vendor: 'shopctrl', status: 400 }] })).rejects.toThrow("names vendor 'shopctrl', which is not mounted");
  });

  it('a rule without a vendor applies to the vendors that have its operation, and must match one of them', async () => {
    const { send } = await mockWithJournal({ vendors: ['emporix', 'jtl'], scenarios: [{ operation: 'getReturn', status: 404 }] });
    expect((await send('GET', `${base}/abc`, { headers: employee })).status).toBe(404);
    await expect(createTestMock({ vendors: ['emporix', 'jtl'], scenarios: [{ operation: 'getReturnz' }] })).rejects.toThrow("operation 'getReturnz', which no mounted vendor has");
  });
});
