import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, type RunningCli } from '../helpers/spawn-cli.js';

let server: RunningCli;
beforeAll(async () => {
  server = await startCli();
});
afterAll(async () => {
  await server?.stop();
});

const basic = `Basic ${Buffer.from('tester:secret').toString('base64')}`;

async function call(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const response = await fetch(`${server.url}${path}`, { method, headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

describe('returns-mock serve over a real port', () => {
  it('prints a banner with every vendor and serves the index', async () => {
    for (const prefix of ['/jtl', '/intershop', '/emporix', '/shopctrl']) expect(server.output()).toContain(`${server.url}${prefix}`);
    expect(server.output()).toContain(`dashboard: ${server.url}/__admin/ui\n`);
    expect((await call('GET', '/__admin/ui')).text).toContain('<title>returns-mock dashboard</title>');
    const index = await call('GET', '/');
    expect(index.json.vendors.map((v: { id: string }) => v.id)).toEqual(['jtl', 'intershop', 'emporix', 'shopctrl']);
  });

  describe('jtl', () => {
    const headers = {
      authorization: 'Bearer demo-token',
      'x-appid': 'MyApp/1.0.0',
      'x-appversion': '1.0.0',
      'x-tenant-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      'content-type': 'application/json',
    };
    const body = { CompanyId: 123, SalesOrderId: 123, WarehouseId: 123, Items: [{ Quantity: 2, SalesOrderLineItemId: 123 }] };

    it('accepts a valid return', async () => {
      const response = await call('POST', '/jtl/erp/returns', headers, JSON.stringify(body));
      expect(response.status).toBe(201);
      expect(response.json).toMatchObject({ Id: expect.any(Number), Number: expect.any(String) });
    });

    // An item may name its line by DeliveryNoteLineItemId alone (specs/README.md, Calibration), so only Quantity and the tenant are named.
    it('refuses violations with problem details whose errors name each field', async () => {
      const bad = await call('POST', '/jtl/erp/returns', { ...headers, 'x-tenant-id': 'tenant-1' }, JSON.stringify({ ...body, Items: [{ Quantity: 'two' }] }));
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(Object.keys(bad.json.errors).sort()).toEqual(['Items[0].Quantity', 'x-tenant-id']);
      const { authorization: _, ...anonymous } = headers;
      const unauthenticated = await call('POST', '/jtl/erp/returns', anonymous, JSON.stringify(body));
      expect(unauthenticated.status).toBe(401);
      expect(Object.keys(unauthenticated.json.errors)).toEqual(['Authorization']);
      const media = await call('POST', '/jtl/erp/returns', { ...headers, 'content-type': 'text/plain' }, JSON.stringify(body));
      expect(media.status).toBe(415);
    });
  });

  describe('shopctrl', () => {
    const xml = (id: number) =>
      `<OrderReturnChanges><Id>${id}</Id><OrderId>5</OrderId><ReturnCode>R-1</ReturnCode><OrderReturnRows><OrderReturnRow><OrderRowId>2</OrderRowId><ReturnedQuantity>1.5</ReturnedQuantity><Resolution>Undefined</Resolution></OrderReturnRow></OrderReturnRows></OrderReturnChanges>`;

    it('accepts XML and answers in the XML Accept asks for', async () => {
      const response = await call('POST', '/shopctrl/v1/Returns', { 'content-type': 'text/xml', accept: 'text/xml' }, xml(0));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      expect(response.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><OrderReturn /);
    });

    it('refuses an insert with an Id other than 0, in XML, with ModelState naming the field', async () => {
      const response = await call('POST', '/shopctrl/v1/Returns', { 'content-type': 'application/xml', accept: 'application/xml' }, xml(4));
      expect(response.status).toBe(400);
      expect(response.text).toContain('<Message>The request is invalid.</Message>');
      expect(response.text).toContain('<orderReturn.Id>');
    });

    it('refuses broken JSON and a missing ReturnCode with ModelState', async () => {
      const broken = await call('POST', '/shopctrl/v1/Returns', { 'content-type': 'application/json' }, '{"OrderId":');
      expect(broken.status).toBe(400);
      const missing = await call('POST', '/shopctrl/v1/Returns', { 'content-type': 'application/json' }, JSON.stringify({ OrderId: 5 }));
      expect(missing.json).toEqual({ Message: 'The request is invalid.', ModelState: { 'orderReturn.ReturnCode': ["'/ReturnCode' is required"] } });
      const xmlBroken = await call('POST', '/shopctrl/v1/Returns', { 'content-type': 'application/xml' }, '<OrderReturnChanges><Id>0</Id>');
      expect(xmlBroken.status).toBe(400);
      expect(xmlBroken.json.ModelState.orderReturn[0]).toMatch(/not well-formed XML/);
    });
  });

  describe('intershop', () => {
    const path = '/intershop/shops/Test%20Shop%20US%20DE/orders/20180303123/return-requests';
    const json = { authorization: basic, 'content-type': 'application/vnd.intershop.return-request.v1+json' };
    const body = JSON.stringify({ type: 'PICKUP', positions: [{ positionNumber: 1, productNumber: '20180303123', reason: 'RET100', quantity: 1 }] });

    it('accepts a valid return request', async () => {
      const response = await call('POST', path, json, body);
      expect(response.status).toBe(201);
    });

    it('refuses each class of violation with an ErrorReport naming the field', async () => {
      const missing = await call('POST', path, json, JSON.stringify({ type: 'PICKUP' }));
      expect(missing.status).toBe(400);
      expect(missing.json).toEqual({ status: 400, errors: [{ code: 'VALIDATION_EXCEPTION', message: "'/positions' is required" }] });
      const unauthenticated = await call('POST', path, { 'content-type': json['content-type'] }, body);
      expect(unauthenticated.status).toBe(401);
      expect(unauthenticated.json.errors[0].code).toBe('AUTHENTICATION_FAILED');
      const media = await call('POST', path, { authorization: basic, 'content-type': 'application/json' }, body);
      expect(media.status).toBe(415);
      expect(media.json.errors[0].code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const accept = await call('GET', path, { authorization: basic, accept: 'application/json' });
      expect(accept.status).toBe(406);
      const approval = await call(
        'POST',
        `${path}/1/approvals`,
        { authorization: basic, 'content-type': 'application/vnd.intershop.approval.v1+json' },
        JSON.stringify({ status: 'NOT_APPROVED' }),
      );
      expect(approval.status).toBe(400);
      expect(approval.json.errors.map((e: { message: string }) => e.message)).toEqual(["'/comment' is required"]);
      const malformed = await call('POST', path, json, '{"type":');
      expect(malformed.status).toBe(400);
      expect(malformed.json.errors[0].message).toMatch(/not valid JSON/);
    });
  });

  describe('emporix', () => {
    const bearer = { authorization: 'Bearer test-token' };

    it('accepts a valid list request', async () => {
      const response = await call('GET', '/emporix/return/acme/returns?pageSize=10&pageNumber=1', bearer);
      expect(response.status).toBe(200);
      expect(Array.isArray(response.json)).toBe(true);
    });

    it('refuses bad parameters with {code, status, message, details} and missing credentials with the gateway fault', async () => {
      const bad = await call('GET', '/emporix/return/A/returns?pageSize=61', bearer);
      expect(bad.status).toBe(400);
      expect(bad.json).toMatchObject({ code: 400, status: 'Bad Request' });
      expect(bad.json.details.map((d: { field: string; type: string }) => `${d.field} ${d.type}`).sort()).toEqual([
        'pageSize request.query.maximum',
        'tenant request.path.minLength',
        'tenant request.path.pattern',
      ]);
      const unauthenticated = await call('GET', '/emporix/return/acme/returns');
      expect(unauthenticated.status).toBe(401);
      expect(unauthenticated.json.fault.detail.errorcode).toBe('oauth.v2.InvalidAccessToken');
    });
  });

  it('answers 404 for an unknown path and 405 with Allow for a wrong method, in the vendor shape', async () => {
    const unknown = await call('GET', '/emporix/nothing/here', { authorization: 'Bearer t' });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ code: 404, status: 'Not Found' });
    const method = await call('DELETE', '/emporix/return/acme/returns', { authorization: 'Bearer t' });
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET, POST');
  });
});

describe('returns-mock command line', () => {
  it('refuses bad options with a clear message and exit code 2', async () => {
    const result = await runCli(['serve', '--port', 'abc']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--port must be a whole number from 0 to 65535, not 'abc'");
  });

  it('fails to start with exit code 1 on a fixture directory that does not exist', async () => {
    const result = await runCli(['serve', '--port', '0', '--in-memory', '--fixtures', '/nonexistent/fixtures']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fixture directory /nonexistent/fixtures does not exist');
  });

  it('fails to start with exit code 1 on a spec it cannot read', async () => {
    const result = await runCli(['serve', '--port', '0', '--in-memory', '--spec', '/nonexistent/api.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/nonexistent/api.yaml: cannot read');
  });
});
