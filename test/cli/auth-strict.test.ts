import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, type RunningCli } from '../helpers/spawn-cli.js';
import { createTempDir } from '../store/temp-dir.js';

/** This process's environment without any RETURNS_MOCK_* setting, so only the arguments decide. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('RETURNS_MOCK_')));

const jtlHeaders = (token: string) => ({
  authorization: `Bearer ${token}`,
  'x-appid': 'MyApp/1.0.0',
  'x-appversion': '1.0.0',
  'x-tenant-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  'content-type': 'application/json',
});
const JTL_RETURN = JSON.stringify({ CompanyId: 123, SalesOrderId: 123, WarehouseId: 123, Items: [{ Quantity: 1, SalesOrderLineItemId: 123 }] });
const emporixHeaders = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
/** An employee's create: Emporix requires `requestor` and `submitter` from an employee. */
const EMPORIX_RETURN = JSON.stringify({
  orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1 }] }],
  reason: { code: '001' },
  requestor: { customerId: 'C-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
});

let server: RunningCli;
let serverDir: string;
beforeAll(async () => {
  // A working directory without a config file: the settings come from the arguments alone.
  serverDir = await mkdtemp(path.join(tmpdir(), 'returns-mock-cli-'));
  server = await startCli(['--auth', 'strict', '--vendors', 'jtl', '--vendors', 'emporix', '--log-level', 'silent'], 15_000, { cwd: serverDir, env: cleanEnv });
});
afterAll(async () => {
  await server?.stop();
  await rm(serverDir, { recursive: true, force: true });
});

async function call(method: string, path: string, headers: Record<string, string>, body?: string) {
  const response = await fetch(`${server.url}${path}`, { method, headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), json: JSON.parse(text) };
}

describe('returns-mock serve --auth strict over a real port', () => {
  it('JTL: an undeclared token is a 401 problem details; a declared one creates', async () => {
    const refused = await call('POST', '/jtl/erp/returns', jtlHeaders('demo-token'), JTL_RETURN);
    expect(refused.status).toBe(401);
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
    expect(refused.json).toMatchObject({ status: 401, title: 'Unauthorized', errors: { Authorization: [expect.stringContaining('not declared')] } });
    const created = await call('POST', '/jtl/erp/returns', jtlHeaders('jtl-full-access-token'), JTL_RETURN);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ Id: 1, Number: 'A1000001', CustomerId: 123 });
  });

  it("Emporix: an undeclared token is a 401 in the gateway's fault shape; a declared one creates and lists", async () => {
    const refused = await call('GET', '/emporix/return/acme/returns', emporixHeaders('demo-token'));
    expect(refused.status).toBe(401);
    expect(refused.json).toEqual({ fault: { faultstring: expect.stringContaining('not declared'), detail: { errorcode: 'oauth.v2.InvalidAccessToken' } } });
    const created = await call('POST', '/emporix/return/acme/returns', emporixHeaders('emporix-employee-token'), EMPORIX_RETURN);
    expect(created.status).toBe(201);
    const listed = await call('GET', '/emporix/return/acme/returns', emporixHeaders('emporix-read-only-token'));
    expect(listed.status).toBe(200);
    expect(listed.json.map((r: { id: string }) => r.id)).toEqual([created.json.id]);
  });
});

describe('returns-mock serve --auth with a value it does not know', () => {
  it('stops with exit code 2 and names the option, the value and the choices', async () => {
    const result = await runCli(['serve', '--auth', 'bogus', '--in-memory', '--port', '0'], 15_000, { cwd: await createTempDir('returns-mock-cli-'), env: cleanEnv });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--auth must be one of open, strict, not 'bogus'");
    expect(result.stdout).not.toContain('listening on');
  });
});
