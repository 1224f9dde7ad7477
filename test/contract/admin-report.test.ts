import { describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';
import { reportSchemaErrors } from './report-schema.js';

const employee = { authorization: 'Bearer t' };
/** An employee's create: Emporix requires `requestor` and `submitter` from an employee. */
const newReturn = {
  orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }],
  reason: { code: '001' },
  requestor: { customerId: 'C-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
};

describe('lenient mode', async () => {
  const { send } = await createTestMock({ vendors: ['emporix'], mode: 'lenient' });

  it('serves a violating request with the spec’s success answer, marked, and changes no state', async () => {
    const served = await send('POST', '/emporix/return/acme/returns', { headers: { ...employee, 'x-mock-client': 'c1' }, body: { orders: 'not a list' } });
    expect(served.status).toBe(201);
    expect(Number(served.headers.get('x-mock-violations'))).toBeGreaterThan(0);
    expect((await send('GET', '/emporix/return/acme/returns', { headers: employee })).json).toEqual([]);
    const journal = (await send('GET', '/__admin/journal?client=c1')).json;
    expect(journal.entries).toHaveLength(1);
    expect(journal.entries[0]).toMatchObject({ lenient: true, status: 201, operationId: 'createReturn' });
    expect(journal.entries[0].violations).toHaveLength(Number(served.headers.get('x-mock-violations')));
  });

  it('leaves a valid request to the vendor behaviour and 404/405 as they are', async () => {
    const created = await send('POST', '/emporix/return/acme/returns', { headers: employee, body: newReturn });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-mock-violations')).toBeNull();
    expect((await send('GET', '/emporix/return/acme/returns', { headers: employee })).json).toHaveLength(1);
    expect((await send('GET', '/emporix/nowhere')).status).toBe(404);
    expect((await send('DELETE', '/emporix/return/acme/returns')).status).toBe(405);
  });
});

describe('lenient mode and the body limit', async () => {
  const { send } = await createTestMock({ vendors: ['emporix'], mode: 'lenient', maxBody: 100 });

  it('still refuses a body over --max-body with the vendor’s 413: the limit is the mock’s, not the contract’s', async () => {
    const refused = await send('POST', '/emporix/return/acme/returns', { headers: employee, body: { ...newReturn, padding: 'x'.repeat(200) } });
    expect(refused.status).toBe(413);
    expect(refused.headers.get('x-mock-violations')).toBeNull();
  });
});

describe('strict mode (default)', async () => {
  const { send } = await createTestMock({ vendors: ['emporix'] });

  it('refuses a violating request and does not mark it lenient', async () => {
    const refused = await send('POST', '/emporix/return/acme/returns', { headers: employee, body: { orders: 'not a list' } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-mock-violations')).toBeNull();
    expect((await send('GET', '/__admin/journal')).json.entries[0].lenient).toBe(false);
  });
});

describe('admin journal and report', async () => {
  const { send } = await createTestMock({ vendors: ['emporix', 'jtl'] });
  const as = (client: string) => ({ ...employee, 'x-mock-client': client });
  await send('POST', '/emporix/return/acme/returns', { headers: as('good'), body: newReturn });
  await send('GET', '/emporix/return/acme/returns', { headers: as('good') });
  await send('GET', '/emporix/return/acme/returns?pageSize=61', { headers: as('bad') });
  await send('GET', '/emporix/return/acme/returns?pageSize=99', { headers: as('bad') });
  await send('POST', '/jtl/erp/returns', { headers: as('bad'), body: {} });

  it('filters the journal by client, vendor, operation and violations', async () => {
    const seqs = async (query: string) => (await send('GET', `/__admin/journal${query}`)).json.entries.map((e: { seq: number }) => e.seq);
    expect(await seqs('')).toEqual([1, 2, 3, 4, 5]);
    expect(await seqs('?client=good')).toEqual([1, 2]);
    expect(await seqs('?vendor=jtl')).toEqual([5]);
    expect(await seqs('?operation=listReturns')).toEqual([2, 3, 4]);
    expect(await seqs('?violations=true&vendor=emporix')).toEqual([3, 4]);
    expect((await send('GET', '/__admin/journal?violations=maybe')).status).toBe(400);
  });

  it('gives the journal from a sequence number on, the newest `limit` of it, and refuses malformed ones', async () => {
    const seqs = async (query: string) => (await send('GET', `/__admin/journal${query}`)).json.entries.map((e: { seq: number }) => e.seq);
    expect(await seqs('?since=3')).toEqual([4, 5]);
    expect(await seqs('?since=5')).toEqual([]);
    expect(await seqs('?limit=2')).toEqual([4, 5]);
    expect(await seqs('?since=1&limit=2&vendor=emporix')).toEqual([3, 4]);
    for (const bad of ['since=-1', 'since=x', 'limit=0', 'limit=1.5']) {
      const refused = await send('GET', `/__admin/journal?${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.json.error, bad).toContain(bad.split('=')[0]);
    }
  });

  it('gives each vendor’s operations with what all clients together exercised (the dashboard’s coverage)', async () => {
    const { vendors } = (await send('GET', '/__admin/vendors')).json as {
      vendors: {
        id: string;
        clients: string[];
        requests: number;
        coverage: { offered: number; exercised: number };
        operations: { operationId: string; requests: number; violatingRequests: number; statuses: { status: number; count: number }[] }[];
      }[];
    };
    // In the order the vendors are mounted, whatever order the options named them in.
    expect(vendors.map((v) => v.id)).toEqual(['jtl', 'emporix']);
    const [jtl, emporix] = vendors;
    expect(emporix).toMatchObject({ clients: ['bad', 'good'], requests: 4, coverage: { exercised: 2 } });
    expect(emporix!.coverage.offered).toBe(emporix!.operations.length);
    expect(emporix!.operations.find((o) => o.operationId === 'listReturns')).toMatchObject({
      requests: 3,
      violatingRequests: 2,
      statuses: [
        { status: 200, count: 1 },
        { status: 400, count: 2 },
      ],
    });
    expect(emporix!.operations.find((o) => o.operationId === 'createReturn')).toMatchObject({ requests: 1, violatingRequests: 0, statuses: [{ status: 201, count: 1 }] });
    expect(jtl).toMatchObject({ clients: ['bad'], requests: 1, coverage: { exercised: 1 } });
  });

  it('reports per client and vendor: coverage, statuses, violations grouped with a count and the first request', async () => {
    const report = (await send('GET', '/__admin/report')).json;
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.verdict).toBe('fail');
    expect(report.results.map((r: { client: string; vendor: string; verdict: string }) => [r.client, r.vendor, r.verdict])).toEqual([
      ['bad', 'emporix', 'fail'],
      ['bad', 'jtl', 'fail'],
      ['good', 'emporix', 'pass'],
    ]);
    const bad = report.results[0];
    expect(bad.violations).toHaveLength(1);
    expect(bad.violations[0]).toMatchObject({ operationId: 'listReturns', code: 'request.query.maximum', pointer: '/pageSize', count: 2 });
    expect(bad.violations[0].firstRequest).toMatchObject({ seq: 3, status: 400, request: { query: 'pageSize=61', headers: { authorization: 'Bearer ***' } } });
    const good = report.results[2];
    expect(good.coverage).toEqual({ offered: 6, exercised: 2, percent: 33.3 });
    expect(good.operations.find((o: { operationId: string }) => o.operationId === 'createReturn').statuses).toEqual([{ status: 201, count: 1, documented: true }]);
  });

  it('filters the report and applies requireCoverage', async () => {
    const good = (await send('GET', '/__admin/report?client=good&requireCoverage=50')).json;
    expect(good.verdict).toBe('fail');
    expect(good.results[0].reasons).toEqual(['coverage 33.3% is below the required 50%']);
    expect((await send('GET', '/__admin/report?client=good&requireCoverage=30')).json.verdict).toBe('pass');
    expect((await send('GET', '/__admin/report?requireCoverage=101')).status).toBe(400);
  });

  it('serves each format with its media type and refuses an unknown one', async () => {
    const types = { json: 'application/json', junit: 'application/xml', md: 'text/markdown', html: 'text/html' };
    for (const [format, type] of Object.entries(types)) expect((await send('GET', `/__admin/report?format=${format}`)).headers.get('content-type')).toContain(type);
    expect((await send('GET', '/__admin/report?format=pdf')).status).toBe(400);
  });

  it('escapes hostile input in every format', async () => {
    const hostile = '<script>alert(1)</script>|**x**';
    await send('GET', '/emporix/return/acme/returns?pageSize=0', { headers: as(hostile) });
    const html = (await send('GET', `/__admin/report?format=html&client=${encodeURIComponent(hostile)}`)).text;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const junit = (await send('GET', `/__admin/report?format=junit&client=${encodeURIComponent(hostile)}`)).text;
    expect(junit).not.toContain('<script>');
    const md = (await send('GET', `/__admin/report?format=md&client=${encodeURIComponent(hostile)}`)).text;
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;\\|\\*\\*x\\*\\*');
  });

  it('clears the journal and the report', async () => {
    expect((await send('DELETE', '/__admin/journal')).status).toBe(200);
    expect((await send('GET', '/__admin/journal')).json.entries).toEqual([]);
    expect((await send('GET', '/__admin/report')).json.results).toEqual([]);
  });
});
