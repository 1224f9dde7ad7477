import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { ADMIN_OPENAPI } from '../../src/http/admin-openapi.js';
import { createTestMock } from '../helpers/mock-client.js';

const employee = { authorization: 'Bearer employee-token', 'x-mock-client': 'ci-bot' };
const base = '/emporix/return/acme/returns';
const employeeReturn = {
  orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1, reason: { code: '001' } }] }],
  reason: { code: '001' },
  requestor: { customerId: 'c-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
};
const jtl = { authorization: 'Bearer demo-token', 'x-appid': 'MyApp/1.0.0', 'x-appversion': '1.0.0', 'x-tenant-id': 'a3b6a3b6-0000-4000-8000-000000000001' };

/** A mock that has seen a known mix: 2 lists, 1 create, 1 mistyped path, 1 refused JTL create, 1 request under no prefix. */
async function mockWithMix() {
  const mock = await createTestMock({ vendors: ['emporix', 'jtl'] });
  await mock.send('GET', base, { headers: employee });
  await mock.send('GET', `${base}?pageSize=2`, { headers: employee });
  const created = await mock.send('POST', base, { headers: employee, body: employeeReturn });
  expect(created.status).toBe(201);
  expect((await mock.send('GET', '/emporix/return/acme/return', { headers: employee })).status).toBe(404);
  expect((await mock.send('POST', '/jtl/erp/returns', { headers: jtl, body: {} })).status).toBe(400);
  expect((await mock.send('GET', '/emporx/return/acme/returns', { headers: employee })).status).toBe(404);
  return mock;
}

describe('POST /__admin/requests/count and /find', async () => {
  const mock = await mockWithMix();
  const count = async (pattern: unknown) => {
    const answer = await mock.send('POST', '/__admin/requests/count', { body: pattern });
    expect(answer.status).toBe(200);
    return answer.json.count;
  };

  it.each([
    [{}, 5],
    [{ vendor: 'emporix' }, 4],
    [{ vendor: 'emporix', operationId: 'listReturns' }, 2],
    [{ method: 'post' }, 2],
    [{ path: base }, 3],
    [{ path: `${base}?pageSize=2` }, 1],
    [{ pathPattern: '/return$' }, 1],
    [{ pathPattern: '^/jtl/' }, 1],
    [{ status: 404 }, 1],
    [{ status: 201, operationId: 'createReturn' }, 1],
    [{ bodyContains: 'B1LMYY52' }, 1],
    [{ header: { 'X-Mock-Client': 'ci-bot' } }, 4],
    [{ client: 'ci-bot', method: 'GET' }, 3],
    [{ client: 'MyApp/1.0.0' }, 1],
    [{ operationId: 'deleteReturn' }, 0],
  ])('counts %j: %i', async (pattern, expected) => {
    expect(await count(pattern)).toBe(expected);
  });

  it('counts every request with no body at all', async () => {
    const answer = await mock.app.request('http://localhost/__admin/requests/count', { method: 'POST' });
    expect(await answer.json()).toEqual({ count: 5, dropped: 0 });
  });

  it('finds the matching entries, answers included', async () => {
    const found = await mock.send('POST', '/__admin/requests/find', { body: { operationId: 'createReturn', vendor: 'emporix' } });
    expect(found.status).toBe(200);
    expect(found.json.requests).toHaveLength(1);
    expect(found.json.requests[0]).toMatchObject({ operationId: 'createReturn', status: 201, outcome: 'answered', response: { status: 201 } });
    expect(JSON.parse(found.json.requests[0].response.body)).toHaveProperty('id');
  });

  it.each([
    [{ stauts: 404 }, 'stauts'],
    [{ status: '404' }, 'status'],
    [{ status: 1000 }, 'status'],
    [{ method: 7 }, 'method'],
    [{ header: { accept: 1 } }, 'header.accept'],
    [{ header: 'accept' }, 'header'],
    [{ pathPattern: '(unclosed' }, 'pathPattern'],
    [{ pathPattern: 'x'.repeat(1001) }, 'pathPattern'],
    [[], ''],
  ])('refuses the pattern %j with a 400 naming %s', async (pattern, field) => {
    for (const route of ['count', 'find']) {
      const answer = await mock.send('POST', `/__admin/requests/${route}`, { body: pattern });
      expect(answer.status).toBe(400);
      expect(answer.json.field).toBe(field);
      if (field !== '') expect(answer.json.error).toContain(field.split('.')[0]);
    }
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await mock.send('POST', '/__admin/requests/count', { body: '{nope', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toContain('JSON');
  });
});

describe('GET /__admin/requests', async () => {
  const mock = await mockWithMix();
  const list = async (query: string) => (await mock.send('GET', `/__admin/requests${query}`)).json.requests as Array<{ seq: number; operationId: string | null; status: number }>;

  it('filters like the journal, by status, since and limit', async () => {
    expect(await list('')).toHaveLength(5);
    expect((await list('?vendor=emporix&operationId=listReturns')).map((e) => e.seq)).toEqual([1, 2]);
    expect((await list('?status=201')).map((e) => e.operationId)).toEqual(['createReturn']);
    expect((await list('?violations=true')).map((e) => e.status)).toEqual([404, 400]);
    expect((await list('?client=MyApp%2F1.0.0')).map((e) => e.status)).toEqual([400]);
    expect((await list('?since=3')).map((e) => e.seq)).toEqual([4, 5]);
    expect((await list('?since=2000-01-01T00:00:00Z&limit=2')).map((e) => e.seq)).toEqual([4, 5]);
    expect(await list('?since=2999-01-01T00:00:00Z')).toEqual([]);
  });

  it.each(['status=abc', 'since=yesterday', 'limit=0', 'violations=yes'])('refuses ?%s with a 400 naming the parameter', async (query) => {
    const answer = await mock.send('GET', `/__admin/requests?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.json.field).toBe(query.split('=')[0]);
  });
});

describe('GET /__admin/requests/unmatched', async () => {
  const mock = await mockWithMix();

  it('lists the requests that matched no operation with their near misses, the mistyped one first to listReturns', async () => {
    const answer = await mock.send('GET', '/__admin/requests/unmatched');
    expect(answer.status).toBe(200);
    const [missingS, wrongPrefix] = answer.json.requests;
    expect(answer.json.requests).toHaveLength(2);
    expect(missingS).toMatchObject({ seq: 4, vendor: 'emporix', status: 404, method: 'GET', path: '/emporix/return/acme/return', client: 'ci-bot' });
    expect(missingS.nearMisses[0]).toMatchObject({
      vendor: 'emporix',
      operationId: 'listReturns',
      path: '/emporix/return/{tenant}/returns',
      differences: [{ kind: 'path-segment', expected: 'returns', actual: 'return' }],
    });
    expect(wrongPrefix).toMatchObject({ seq: null, vendor: null, status: 404, path: '/emporx/return/acme/returns' });
    expect(wrongPrefix.nearMisses[0]).toMatchObject({ operationId: 'listReturns', differences: [{ kind: 'prefix', expected: 'emporix', actual: 'emporx' }] });
  });

  it('forgets them with the journal', async () => {
    const fresh = await mockWithMix();
    await fresh.send('DELETE', '/__admin/journal');
    expect((await fresh.send('GET', '/__admin/requests/unmatched')).json.requests).toEqual([]);
  });
});

describe('the admin API describes itself', async () => {
  const mock = await createTestMock({ vendors: ['emporix', 'jtl'] });

  it('serves an OpenAPI 3.1 document that validates', async () => {
    const answer = await mock.send('GET', '/__admin/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.json.openapi).toBe('3.1.0');
    const result = await new Validator().validate(answer.json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every mounted /__admin route, and lists them at GET /__admin', async () => {
    const documented = new Set(
      Object.entries(ADMIN_OPENAPI.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} /__admin${path === '/' ? '' : path}`)),
    );
    const mounted = mock.app.routes
      .filter((route) => route.path.startsWith('/__admin') && route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/\/$/, '') || '/'}`);
    const undocumented = mounted.filter((route) => !documented.has(route) && !documented.has(`${route}/`));
    expect(undocumented).toEqual([]);
    const listing = await mock.send('GET', '/__admin');
    expect(listing.status).toBe(200);
    expect(new Set(listing.json.routes.map((route: { method: string; path: string }) => `${route.method} ${route.path}`))).toEqual(documented);
  });

  it('answers /__admin/health with the loaded vendors', async () => {
    const answer = await mock.send('GET', '/__admin/health');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      status: 'ok',
      vendors: [expect.objectContaining({ id: 'jtl', prefix: '/jtl' }), expect.objectContaining({ id: 'emporix', prefix: '/emporix', title: expect.any(String), operations: 6 })],
    });
  });
});
