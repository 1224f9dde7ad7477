import { describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';
import { vendorShapeProblem } from '../fuzz/vendor-error-shape.js';

const UNDECLARED = 'Bearer not-in-the-fixtures';
/** Per vendor: a request with an undeclared credential and a body that breaks the spec. ShopCtrl declares no security. */
const CASES = [
  [
    'jtl',
    'POST',
    '/jtl/erp/returns',
    { 'x-appid': 'a/1', 'x-appversion': '1', 'x-tenant-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'content-type': 'application/json' },
    '{"CompanyId":"not a number"}',
  ],
  ['emporix', 'POST', '/emporix/return/acme/returns', { 'content-type': 'application/json' }, '{"orders":"not a list"}'],
  ['intershop', 'POST', '/intershop/shops/s/orders/1/return-requests', { 'content-type': 'application/vnd.intershop.return-request.v1+json' }, '{"type":7}'],
  ['emporix', 'POST', '/emporix/return/acme/returns', { 'content-type': 'application/json' }, '{not json'],
] as const;

describe.each(['strict', 'lenient'] as const)('--auth strict in %s mode: credentials are checked before content', (mode) => {
  it.each(CASES)('%s %s %s: an undeclared credential with a bad body is a 401, and the journal names the credential', async (vendor, method, path, headers, body) => {
    const mock = await createTestMock({ vendors: [vendor], auth: 'strict', mode });
    const answer = await mock.send(method, path, { headers: { ...headers, authorization: UNDECLARED }, body });
    expect(answer.status, answer.text).toBe(401);
    expect(vendorShapeProblem(vendor, 401, answer.headers.get('content-type') ?? '', answer.text)).toBeUndefined();
    const [entry] = mock.journal();
    expect(entry?.violations.map((v) => v.code)).toContain('security.credential.undeclared');
  });
});
