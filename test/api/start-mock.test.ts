import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock } from '../../src/index.js';

const employee = { authorization: 'Bearer t', 'content-type': 'application/json', 'x-mock-client': 'api-test' };
/** An employee's create: Emporix requires `requestor` and `submitter` from an employee. */
const newReturn = JSON.stringify({
  orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }],
  reason: { code: '001' },
  requestor: { customerId: 'C-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
});

describe('startMock', async () => {
  const mock = await startMock({ vendors: ['emporix', 'jtl'], port: 0, inMemory: true });
  afterAll(() => mock.close());
  const create = (tenant: string) => fetch(`${mock.urlFor('emporix')}/return/${tenant}/returns`, { method: 'POST', headers: employee, body: newReturn });
  const list = async (tenant: string) => (await (await fetch(`${mock.urlFor('emporix')}/return/${tenant}/returns`, { headers: employee })).json()) as unknown[];

  it('gives the root and each vendor’s base URL, and names the mounted vendors for an unknown one', () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.urlFor('jtl')).toBe(`${mock.url}/jtl`);
    expect(() => mock.urlFor('intershop')).toThrow(/mounted: (jtl, emporix|emporix, jtl)/);
  });

  it('journals each request and filters the journal', async () => {
    await mock.reset();
    await create('acme');
    await fetch(`${mock.urlFor('emporix')}/return/acme/returns?pageSize=0`, { headers: employee });
    expect(mock.journal().map((entry) => entry.status)).toEqual([201, 400]);
    expect(mock.journal({ violationsOnly: true }).map((entry) => entry.operationId)).toEqual(['listReturns']);
    expect(mock.journal({ client: 'someone-else' })).toEqual([]);
  });

  it('reports as an object or in each format', async () => {
    await mock.reset();
    await create('acme');
    const report = mock.report({ vendor: 'emporix' });
    expect(report.verdict).toBe('pass');
    expect(report.results.map((result) => [result.client, result.coverage.exercised])).toEqual([['api-test', 1]]);
    expect(mock.report({ requireCoverage: 50 }).verdict).toBe('fail');
    expect(JSON.parse(mock.report({ format: 'json' })).verdict).toBe('pass');
    expect(mock.report({ format: 'junit' })).toContain('<testsuites');
    expect(mock.report({ format: 'md' })).toContain('api-test');
    expect(mock.report({ format: 'html' })).toMatch(/^<!DOCTYPE html>/i);
  });

  it('resets one tenant’s data and keeps the journal, or everything with the journal', async () => {
    await mock.reset();
    await create('acme');
    await create('globex');
    await mock.reset({ vendor: 'emporix', tenant: 'acme' });
    expect(await list('acme')).toEqual([]);
    expect(await list('globex')).toHaveLength(1);
    expect(mock.journal().length).toBeGreaterThan(0);
    await mock.reset();
    expect(mock.journal()).toEqual([]);
    expect(await list('globex')).toEqual([]);
  });
});

describe('the package from node:test', () => {
  it('runs examples/node-test against the built package, and passes', () => {
    const run = spawnSync(process.execPath, ['--test', 'examples/node-test/'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).toContain('# pass 1');
    expect(run.status).toBe(0);
  });
});
