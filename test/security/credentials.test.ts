import { describe, expect, it } from 'vitest';
import { createLogger, logExchange } from '../../src/cli/request-log.js';
import type { Exchange, JournalEntry } from '../../src/index.js';
import { createTestMock, type TestResponse } from '../helpers/mock-client.js';
import { vendorShapeProblem } from '../fuzz/vendor-error-shape.js';

const TENANT = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const OTHER_TENANT = '11111111-1111-4111-8111-111111111111';
const jtlHeaders = (authorization: string | undefined, tenant = TENANT) => ({
  ...(authorization === undefined ? {} : { authorization }),
  'x-appid': 'sec/1',
  'x-appversion': '1',
  'x-tenant-id': tenant,
});
const jtlReturn = { CompanyId: 123, SalesOrderId: 123, WarehouseId: 123, Items: [{ Quantity: 1, SalesOrderLineItemId: 123, ReturnReasonId: 123 }] };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const jwt = (claims: object) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;
const iomCreate = (shop: string) => `/intershop/shops/${encodeURIComponent(shop)}/orders/20180303123/return-requests`;
const iomBody = { type: 'RETURN', positions: [{ positionNumber: 2, productNumber: '20180303124', reason: 'RET100', quantity: 1 }] };
const iomType = { 'content-type': 'application/vnd.intershop.return-request.v1+json' };
const emporixReturn = {
  orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }],
  reason: { code: '001' },
  requestor: { customerId: 'C-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
};

function expectRefusal(vendor: string, answer: TestResponse, status: number) {
  expect(answer.status).toBe(status);
  expect(vendorShapeProblem(vendor, status, answer.headers.get('content-type') ?? '', answer.text)).toBeUndefined();
}

describe("each vendor's 401 and 403, open and strict", async () => {
  const open = await createTestMock({ vendors: ['jtl', 'intershop', 'emporix', 'shopctrl'] });
  const strict = await createTestMock({ vendors: ['jtl', 'intershop', 'emporix', 'shopctrl'], auth: 'strict' });

  it('JTL: no token or another scheme is 401; lacking the tenant is 403; lacking returns.write is served with a risk (the page names no scope for it); undeclared under strict is 401', async () => {
    expectRefusal('jtl', await open.send('POST', '/jtl/erp/returns', { headers: jtlHeaders(undefined), body: jtlReturn }), 401);
    expectRefusal('jtl', await open.send('POST', '/jtl/erp/returns', { headers: jtlHeaders(basic('a', 'b')), body: jtlReturn }), 401);
    expect((await open.send('POST', '/jtl/erp/returns', { headers: jtlHeaders(`Bearer ${jwt({ scope: 'returns.read' })}`), body: jtlReturn })).status).toBe(201);
    expect(open.journal().at(-1)?.violations).toEqual([expect.objectContaining({ code: 'security.scope.undocumented', level: 'risk' })]);
    expect((await strict.send('POST', '/jtl/erp/returns', { headers: jtlHeaders('Bearer jtl-read-only-token'), body: jtlReturn })).status).toBe(201);
    expect(strict.journal().at(-1)?.violations).toEqual([expect.objectContaining({ code: 'security.scope.undocumented', level: 'risk' })]);
    expectRefusal('jtl', await strict.send('POST', '/jtl/erp/returns', { headers: jtlHeaders('Bearer jtl-single-tenant-token', OTHER_TENANT), body: jtlReturn }), 403);
    expectRefusal('jtl', await strict.send('POST', '/jtl/erp/returns', { headers: jtlHeaders('Bearer made-up-token'), body: jtlReturn }), 401);
    expect((await strict.send('POST', '/jtl/erp/returns', { headers: jtlHeaders('Bearer jtl-full-access-token'), body: jtlReturn })).status).toBe(201);
  });

  it('IOM: no credentials or a malformed Basic is 401; a viewer creating is 403; strict refuses unknown users and wrong passwords', async () => {
    const shop = 'Test Shop US DE';
    expectRefusal('intershop', await open.send('POST', iomCreate(shop), { headers: iomType, body: iomBody }), 401);
    expectRefusal('intershop', await open.send('POST', iomCreate(shop), { headers: { ...iomType, authorization: 'Basic !!!' }, body: iomBody }), 401);
    expectRefusal('intershop', await strict.send('POST', iomCreate(shop), { headers: { ...iomType, authorization: basic('viewer', 'secret') }, body: iomBody }), 403);
    expectRefusal('intershop', await strict.send('POST', iomCreate(shop), { headers: { ...iomType, authorization: basic('intruder', 'secret') }, body: iomBody }), 401);
    expectRefusal('intershop', await strict.send('POST', iomCreate(shop), { headers: { ...iomType, authorization: basic('admin', 'wrong-password') }, body: iomBody }), 401);
    expect((await strict.send('POST', iomCreate(shop), { headers: { ...iomType, authorization: basic('admin', 'secret') }, body: iomBody })).status).toBe(201);
  });

  it("Emporix: no token is the gateway's 401; a read-only scope creating is 403; strict refuses undeclared tokens", async () => {
    const path = '/emporix/return/acme/returns';
    expectRefusal('emporix', await open.send('POST', path, { body: emporixReturn }), 401);
    expectRefusal('emporix', await open.send('POST', path, { headers: { authorization: `Bearer ${jwt({ scope: 'returns.returns_read' })}` }, body: emporixReturn }), 403);
    expectRefusal('emporix', await strict.send('POST', path, { headers: { authorization: 'Bearer emporix-read-only-token' }, body: emporixReturn }), 403);
    expectRefusal('emporix', await strict.send('GET', path, { headers: { authorization: 'Bearer made-up-token' } }), 401);
    expect((await strict.send('GET', path, { headers: { authorization: 'Bearer emporix-read-only-token' } })).status).toBe(200);
  });

  it('ShopCtrl documents no authentication: strict mode lets it through', async () => {
    const answer = await strict.send('POST', '/shopctrl/v1/Returns', {
      headers: { accept: 'application/json' },
      body: { Id: 0, OrderId: 5, ReturnCode: 'R-1', OrderReturnRows: [{ OrderRowId: 2, ReturnedQuantity: 1, Resolution: 0 }] },
    });
    expect(answer.status).toBe(200);
  });
});

describe('secrets never leave the mock', async () => {
  const exchanges: Array<[Exchange, JournalEntry]> = [];
  const mock = await createTestMock({ vendors: ['jtl', 'intershop', 'emporix'], onExchange: (exchange, entry) => exchanges.push([exchange, entry]) });
  const SECRETS = ['jtl-secret-bearer-0001', 'x-api-key-secret-0002', 'saas-token-secret-0003', 'basic-password-0004', 'emporix-secret-bearer-0005'];

  it('masks Authorization, x-api-key, saas-token and Basic passwords in the journal, every report format and the log lines', async () => {
    await mock.send('POST', '/jtl/erp/returns', { headers: { ...jtlHeaders(`Bearer ${SECRETS[0]}`), 'x-api-key': SECRETS[1]! }, body: { ...jtlReturn, Items: 'not-a-list' } });
    await mock.send('POST', '/emporix/return/acme/returns', { headers: { authorization: `Bearer ${SECRETS[4]}`, 'saas-token': SECRETS[2]! }, body: { reason: 'wrong' } });
    await mock.send('GET', '/intershop/shops/x/return-reasons?type=NOPE', { headers: { authorization: basic('auditor', SECRETS[3]!) } });
    // A credential the validator quotes back: a Basic value that does not decode to user:password.
    await mock.send('GET', '/intershop/shops/x/return-reasons', { headers: { authorization: `Basic ${Buffer.from(`no-colon-${SECRETS[3]}`).toString('base64')}` } });
    expect(exchanges.length).toBe(4);
    expect(exchanges.some(([exchange]) => exchange.violations.length > 0)).toBe(true);

    const written = [
      JSON.stringify(mock.journal()),
      ...(['json', 'junit', 'md', 'html'] as const).map((format) => mock.report({ format })),
      ...(['text', 'json'] as const).flatMap((format) => {
        const lines: string[] = [];
        const logger = createLogger('debug', format, { write: (line: string) => lines.push(line) });
        for (const [exchange, entry] of exchanges) logExchange(logger, exchange, entry);
        return lines;
      }),
    ].join('\n');
    for (const secret of SECRETS) expect(written, secret).not.toContain(secret);
    expect(written).toContain('Bearer ***');
    // The Basic credential's base64 form is a secret too.
    expect(written).not.toContain(Buffer.from(`auditor:${SECRETS[3]}`).toString('base64'));
  });
});
