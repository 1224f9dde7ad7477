import { describe, expect, it } from 'vitest';
import { AUTHENTICATE_CHALLENGE } from '../../../src/vendors/intershop/render-error.js';
import { basic, bearer, createIomMock, jwt, ORDER, position, requestsPath, SHOP } from './iom-client.js';

const newRequest = { type: 'RETURN', positions: [position(2, '20180303124', 1)] };
/** The bundled bulk order: enough pieces that these tests never run out. */
const BULK = '20180303500';
const bulkRequest = { type: 'RETURN', positions: [position(1, '20180303500', 1)] };
const reasonsPath = (shop: string) => `/intershop/shops/${encodeURIComponent(shop)}/return-reasons`;

describe('Intershop IOM with --strict-fixtures', async () => {
  const iom = await createIomMock({ strictFixtures: true });

  it('refuses an unknown shop or order with a 404 naming it, and serves the known ones', async () => {
    const shop = await iom.create('Unknown Shop', ORDER, newRequest);
    expect(shop.status).toBe(404);
    expect(shop.json).toMatchObject({ status: 404, errors: [{ code: 'NOT_FOUND', value: 'Unknown Shop', message: expect.stringContaining('shopName') }] });
    const order = await iom.create(SHOP, 'NO-SUCH-ORDER', newRequest);
    expect(order.status).toBe(404);
    expect(order.json.errors[0]).toMatchObject({ value: 'NO-SUCH-ORDER', message: expect.stringContaining('shopOrderNumber') });
    expect((await iom.get(requestsPath(SHOP, 'NO-SUCH-ORDER', '/returnables'))).status).toBe(404);
    expect((await iom.get(requestsPath(SHOP, 'NO-SUCH-ORDER'))).status).toBe(404);
    expect((await iom.get(requestsPath('Unknown Shop', ORDER, '/10000/positions'))).json.errors[0].value).toBe('Unknown Shop');
    expect((await iom.approve(SHOP, 'NO-SUCH-ORDER', 10000, { status: 'APPROVED' })).status).toBe(404);
    expect((await iom.get(reasonsPath('Unknown Shop'))).status).toBe(404);

    const created = await iom.create(SHOP, ORDER, newRequest);
    expect(created.status).toBe(201);
    expect((await iom.get(requestsPath(SHOP, ORDER))).json).toHaveLength(1);
    expect((await iom.get(reasonsPath(SHOP))).status).toBe(200);
  });
});

describe('Intershop IOM shop permissions', async () => {
  const iom = await createIomMock();

  it('a declared credential with only VIEW_RETURN_REQUESTS at the shop may read but not create (403 naming the permission)', async () => {
    const viewer = basic('viewer');
    expect((await iom.get(requestsPath(SHOP, ORDER), viewer)).status).toBe(200);
    const refused = await iom.create(SHOP, BULK, bulkRequest, viewer);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({
      status: 403,
      errors: [{ code: 'PERMISSION_DENIED', value: 'MANAGE_RETURN_REQUESTS', message: expect.stringContaining('"Manage return requests"') }],
    });
    expect((await iom.get(requestsPath(SHOP, ORDER), basic('admin'))).json).toEqual([]);
  });

  it('permissions hold only at the shops they name; "*" names every shop', async () => {
    const manager = basic('us-manager');
    expect((await iom.create(SHOP, BULK, bulkRequest, manager)).status).toBe(201);
    const elsewhere = await iom.get(requestsPath('Test Shop AT', ORDER), manager);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.json.errors[0].message).toContain("'Test Shop AT'");
    const auditor = bearer('iom-auditor-token');
    expect((await iom.get(requestsPath('Test Shop AT', ORDER), auditor)).status).toBe(200);
    expect((await iom.create('Test Shop AT', BULK, bulkRequest, auditor)).status).toBe(403);
  });

  it('honours a JWT permissions claim, or its shops claim, when the fixtures do not declare the token', async () => {
    const viewEverywhere = bearer(jwt({ sub: 'omt-user', permissions: ['VIEW_RETURN_REQUESTS'] }));
    expect((await iom.get(reasonsPath(SHOP), viewEverywhere)).status).toBe(200);
    expect((await iom.create(SHOP, BULK, bulkRequest, viewEverywhere)).status).toBe(403);
    const managesAt = bearer(jwt({ sub: 'omt-user', shops: { [SHOP]: ['View return requests', 'Manage return requests'] } }));
    expect((await iom.create(SHOP, BULK, bulkRequest, managesAt)).status).toBe(201);
    expect((await iom.create('Test Shop AT', BULK, bulkRequest, managesAt)).status).toBe(403);
    expect((await iom.create(SHOP, BULK, bulkRequest, bearer(jwt({ sub: 'no-claims' })))).status).toBe(201);
    expect((await iom.create(SHOP, BULK, bulkRequest, basic('anyone', 'anything'))).status).toBe(201);
  });
});

describe("Intershop IOM with auth 'strict'", async () => {
  const iom = await createIomMock({ auth: 'strict' });

  it('refuses an undeclared credential (401 ErrorReport) and lets the declared admin/secret run the README example', async () => {
    const undeclared = await iom.get(reasonsPath(SHOP), basic('someone'));
    expect(undeclared.status).toBe(401);
    expect(undeclared.json).toMatchObject({ status: 401, errors: [{ code: 'AUTHENTICATION_FAILED' }] });
    expect((await iom.get(reasonsPath(SHOP), basic('admin', 'wrong'))).status).toBe(401);
    const created = await iom.create(
      SHOP,
      ORDER,
      { type: 'PICKUP', positions: [{ positionNumber: 1, productNumber: '20180303123', reason: 'RET100', quantity: 1 }] },
      basic('admin'),
    );
    expect(created.status).toBe(201);
    const reasons = await iom.get(`${reasonsPath(SHOP)}?type=RET`, basic('admin'));
    expect(reasons.status).toBe(200);
    expect(reasons.json).toContainEqual({ name: 'RET100', description: 'Article damaged', type: 'RET' });
  });
});

describe('Intershop IOM 401 challenges', async () => {
  const responseViolations: unknown[] = [];
  const iom = await createIomMock({ auth: 'strict', onExchange: (exchange) => responseViolations.push(...exchange.responseViolations) });

  // RFC 9110 requires a challenge on a 401; Java's HttpClient with an Authenticator throws on a 401 without one.
  it('sends WWW-Authenticate with both schemes on every 401: missing, undeclared and forced', async () => {
    const missing = await iom.get(reasonsPath(SHOP), {});
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe(AUTHENTICATE_CHALLENGE);
    const undeclared = await iom.create(SHOP, BULK, bulkRequest, basic('someone'));
    expect(undeclared.status).toBe(401);
    expect(undeclared.headers.get('www-authenticate')).toBe(AUTHENTICATE_CHALLENGE);
    const forced = await iom.get(requestsPath(SHOP, ORDER), { ...basic('admin'), prefer: 'code=401' });
    expect(forced.status).toBe(401);
    expect(forced.headers.get('www-authenticate')).toBe(AUTHENTICATE_CHALLENGE);
    expect(responseViolations).toEqual([]);
    expect((await iom.get(reasonsPath(SHOP), basic('admin'))).headers.get('www-authenticate')).toBeNull();
  });
});
