import { describe, expect, it } from 'vitest';
import { createJtlMock, jtlHeaders, jwt, lastFindings, SEED_REQUEST, TENANT_A, TENANT_B } from './jtl-client.js';

describe('JTL credentials declared in fixtures/jtl/credentials.yaml', () => {
  it('a read-only token creates, with a risk naming Authorization: the page documents no scope for creating (returns.write is our inference)', async () => {
    const jtl = await createJtlMock();
    const served = await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_A, 'jtl-read-only-token'));
    expect(served.status).toBe(201);
    expect(lastFindings(jtl)).toEqual([expect.objectContaining({ code: 'security.scope.undocumented', level: 'risk', source: 'mock', pointer: '/Authorization' })]);
    expect((await jtl.send('GET', '/__admin/state')).json.vendors.jtl[TENANT_A].collections.returns).toHaveLength(1);
  });

  it('a single-tenant token creates in its tenant and is refused (403, naming x-tenant-id) in another', async () => {
    const jtl = await createJtlMock();
    expect((await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_A, 'jtl-single-tenant-token'))).status).toBe(201);
    const refused = await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_B, 'jtl-single-tenant-token'));
    expect(refused.status).toBe(403);
    expect(Object.keys(refused.json.errors)).toEqual(['x-tenant-id']);
  });

  it('a declared token without limits has every right in every tenant', async () => {
    const jtl = await createJtlMock();
    expect((await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_B, 'jtl-full-access-token'))).status).toBe(201);
  });

  it('reads the scope claim of an undeclared JWT: without returns.write a risk (not a 403: the scope is undocumented), with it no finding', async () => {
    const jtl = await createJtlMock();
    const readOnly = await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_A, jwt({ sub: 'svc', scope: 'returns.read salesorders.read' })));
    expect(readOnly.status).toBe(201);
    expect(lastFindings(jtl).map((finding) => [finding.code, finding.level])).toEqual([['security.scope.undocumented', 'risk']]);
    expect((await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_A, jwt({ sub: 'svc', scope: ['returns.read', 'returns.write'] })))).status).toBe(201);
    expect(lastFindings(jtl)).toEqual([]);
  });

  it('treats a tenant UUID in upper case as the same tenant (RFC 9562: hex digits are case-insensitive on input)', async () => {
    const jtl = await createJtlMock();
    expect((await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_A.toUpperCase(), 'jtl-single-tenant-token'))).status).toBe(201);
    const second = await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_A));
    expect(second.json).toMatchObject({ Id: 2, Number: 'A1000002' });
    expect(Object.keys((await jtl.send('GET', '/__admin/state')).json.vendors.jtl)).toEqual([TENANT_A]);
  });

  it('x-runas needs the scope Application.RunAs, as the page says: without it 403 naming x-runas, with it (or with unlimited rights) 201', async () => {
    const jtl = await createJtlMock();
    const runAs = { 'x-runas': '42' };
    const writeOnly = await jtl.create(SEED_REQUEST, { ...jtlHeaders(TENANT_A, jwt({ scope: 'returns.write' })), ...runAs });
    expect(writeOnly.status).toBe(403);
    expect(writeOnly.json.errors).toEqual({ 'x-runas': ['the access token lacks the scope Application.RunAs that x-runas requires'] });
    const declared = await jtl.create(SEED_REQUEST, { ...jtlHeaders(TENANT_A, 'jtl-single-tenant-token'), ...runAs });
    expect(declared.status).toBe(403);
    expect(Object.keys(declared.json.errors)).toEqual(['x-runas']);
    expect((await jtl.send('GET', '/__admin/state')).json.vendors.jtl).toBeUndefined();
    expect((await jtl.create(SEED_REQUEST, { ...jtlHeaders(TENANT_A, jwt({ scope: 'returns.write Application.RunAs' })), ...runAs })).status).toBe(201);
    expect((await jtl.create(SEED_REQUEST, { ...jtlHeaders(TENANT_A, 'jtl-full-access-token'), ...runAs })).status).toBe(201);
    // Without x-runas the scope is not needed.
    expect((await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_A, jwt({ scope: 'returns.write' })))).status).toBe(201);
  });

  // RFC 9110 requires a challenge on a 401; ASP.NET Core's bearer authentication sends `WWW-Authenticate: Bearer`.
  it('challenges with WWW-Authenticate: Bearer on a 401 for a missing token and on a forced 401, never on other answers', async () => {
    const jtl = await createJtlMock();
    const { authorization: _omitted, ...withoutToken } = jtlHeaders(TENANT_A);
    const missing = await jtl.create(SEED_REQUEST, withoutToken);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const forced = await jtl.create(SEED_REQUEST, { ...jtlHeaders(TENANT_A), prefer: 'code=401' });
    expect(forced.status).toBe(401);
    expect(forced.headers.get('www-authenticate')).toBe('Bearer');
    const created = await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_A));
    expect(created.status).toBe(201);
    expect(created.headers.get('www-authenticate')).toBeNull();
  });

  it("with auth 'strict' refuses an undeclared token with 401 in the problem shape, and lets a declared one through", async () => {
    const jtl = await createJtlMock({ auth: 'strict' });
    const refused = await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_A, 'demo-token'));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.json).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect((await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_A, jwt({ scope: 'returns.write' })))).status).toBe(401);
    expect((await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_A, 'jtl-full-access-token'))).status).toBe(201);
    // Declared but limited: past the 401, the record's rights still apply.
    expect((await jtl.create(SEED_REQUEST, jtlHeaders(TENANT_B, 'jtl-single-tenant-token'))).status).toBe(403);
  });
});
