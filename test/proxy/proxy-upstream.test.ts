import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/index.js';
import { createSeededFaker } from '../../src/fake/index.js';
import { buildValidRequest } from '../helpers/valid-request.js';
import { reportSchemaErrors } from '../contract/report-schema.js';

const VENDORS = ['jtl', 'intershop', 'emporix', 'shopctrl'] as const;

async function send(base: string, request: { method: string; path: string; headers: Record<string, string>; body?: string }) {
  const response = await fetch(`${base}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('proxy mode: each vendor forwarded to another returns-mock over a real port', () => {
  let upstream: RunningMock;
  let proxy: RunningMock;

  beforeAll(async () => {
    upstream = await startMock({ inMemory: true, seed: 7, clock: '2024-05-01T10:00:00Z' });
    proxy = await startMock({ inMemory: true, proxy: Object.fromEntries(VENDORS.map((vendor) => [vendor, upstream.urlFor(vendor)])) });
  });
  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
  });

  it.each(VENDORS)('%s: every operation with clean traffic is forwarded, answered unchanged and gives 0 findings', async (vendor) => {
    const engine = proxy.engines.find((e) => e.plugin.id === vendor)!;
    const faker = createSeededFaker(3);
    for (const compiled of engine.operations) {
      const request = buildValidRequest(engine.spec, compiled, faker);
      const before = upstream.journal({ vendor }).length;
      const answer = await send(proxy.urlFor(vendor), request);
      const upstreamEntries = upstream.journal({ vendor });
      // The upstream saw exactly this request, and the client got the upstream's status.
      expect(upstreamEntries.length, compiled.operation.operationId).toBe(before + 1);
      expect(upstreamEntries.at(-1)!.operationId).toBe(compiled.operation.operationId);
      expect(answer.status).toBe(upstreamEntries.at(-1)!.status);
      const entry = proxy.journal({ vendor }).at(-1)!;
      expect(entry.proxied?.answered).toBe(true);
      expect(entry.violations, `${compiled.operation.operationId} ${answer.text}`).toEqual([]);
    }
    const report = proxy.report({ vendor });
    expect(report.summary.vendorFindings).toBe(0);
    expect(report.summary.violations).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(report.vendorDepartures).toEqual([expect.objectContaining({ vendor, proxiedRequests: engine.operations.length, findings: [] })]);
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  it('returns the upstream body unchanged: a return created through the proxy is read back through the proxy and from the upstream alike', async () => {
    const engine = proxy.engines.find((e) => e.plugin.id === 'emporix')!;
    const create = buildValidRequest(
      engine.spec,
      engine.operations.find((c) => c.operation.operationId === 'createReturn')!,
      createSeededFaker(1),
    );
    const created = await send(proxy.urlFor('emporix'), create);
    expect(created.status, created.text).toBe(201);
    const { id } = JSON.parse(created.text) as { id: string };
    const headers = { authorization: create.headers.authorization!, accept: 'application/json' };
    const viaProxy = await send(proxy.urlFor('emporix'), { method: 'GET', path: `${create.path}/${id}`, headers });
    const direct = await send(upstream.urlFor('emporix'), { method: 'GET', path: `${create.path}/${id}`, headers });
    expect(viaProxy.status).toBe(200);
    expect(viaProxy.text).toBe(direct.text);
    expect(viaProxy.headers.get('content-type')).toBe(direct.headers.get('content-type'));
  });

  it('refuses a request that breaks the contract locally in strict mode, without forwarding it', async () => {
    const before = upstream.journal({ vendor: 'jtl' }).length;
    const answer = await send(proxy.urlFor('jtl'), {
      method: 'POST',
      path: '/erp/returns',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json', 'x-tenant-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
      body: '{}',
    });
    expect(answer.status).toBe(400);
    expect(upstream.journal({ vendor: 'jtl' }).length).toBe(before);
    const entry = proxy.journal({ vendor: 'jtl' }).at(-1)!;
    expect(entry.proxied).toBeUndefined();
    expect(entry.violations.every((violation) => (violation.party ?? 'client') === 'client')).toBe(true);
  });
});

describe('proxy mode: --proxy-forward-invalid', () => {
  it("forwards a request that breaks the contract and still reports it as the client's", async () => {
    const upstream = await startMock({ inMemory: true });
    const proxy = await startMock({ inMemory: true, vendors: ['jtl'], proxy: { jtl: upstream.urlFor('jtl') }, proxyForwardInvalid: true });
    try {
      const answer = await send(proxy.urlFor('jtl'), {
        method: 'POST',
        path: '/erp/returns',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json', 'x-tenant-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
        body: '{}',
      });
      // The upstream refused it in its own shape, and that refusal is documented: no vendor finding.
      expect(answer.status).toBe(400);
      expect(upstream.journal({ vendor: 'jtl' })).toHaveLength(1);
      const entry = proxy.journal({ vendor: 'jtl' })[0]!;
      expect(entry.proxied?.answered).toBe(true);
      expect(entry.violations.length).toBeGreaterThan(0);
      expect(entry.violations.every((violation) => violation.party === undefined)).toBe(true);
      expect(proxy.report().verdict).toBe('fail');
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });
});

/** A small upstream that breaks Emporix's spec on purpose, one way per return id. */
function startDeviatingUpstream(): Promise<{ url: string; server: Server }> {
  const valid = {
    id: 'r-1',
    approvalStatus: 'PENDING',
    received: false,
    orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1 }] }],
    reason: { code: '001' },
    total: { value: 1.99, currency: 'USD' },
    expiryDate: '2024-06-01T00:00:00.000Z',
    metadata: { createdAt: '2024-05-01T10:00:00.000Z', modifiedAt: '2024-05-01T10:00:00.000Z', version: 1 },
  };
  const answers: Record<string, { status: number; body: unknown }> = {
    '/return/acme/returns/extra-status': { status: 418, body: { message: 'I am a teapot' } },
    '/return/acme/returns/missing-field': { status: 200, body: (({ approvalStatus: _dropped, ...rest }) => rest)(valid) },
    '/return/acme/returns/wrong-type': { status: 200, body: { ...valid, received: 'yes' } },
    '/return/acme/returns/valid': { status: 200, body: valid },
  };
  const server = createServer((req, res) => {
    const answer = answers[req.url ?? ''] ?? { status: 404, body: { code: 404, status: 'Not Found', message: 'no such return' } };
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

describe('proxy mode: a vendor that departs from its documentation', () => {
  let deviating: { url: string; server: Server };
  let proxy: RunningMock;
  const headers = { authorization: 'Bearer test-token', accept: 'application/json' };

  beforeAll(async () => {
    deviating = await startDeviatingUpstream();
    proxy = await startMock({ inMemory: true, vendors: ['emporix'], proxy: { emporix: deviating.url } });
    for (const id of ['extra-status', 'missing-field', 'wrong-type', 'valid']) await send(proxy.url + '/emporix', { method: 'GET', path: `/return/acme/returns/${id}`, headers });
  });
  afterAll(async () => {
    await proxy?.close();
    await new Promise((resolve) => deviating?.server.close(resolve));
  });

  it('returns the deviating answers to the client unchanged', async () => {
    const answer = await send(`${proxy.url}/emporix`, { method: 'GET', path: '/return/acme/returns/wrong-type', headers });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).received).toBe('yes');
    const teapot = await send(`${proxy.url}/emporix`, { method: 'GET', path: '/return/acme/returns/extra-status', headers });
    expect(teapot.status).toBe(418);
  });

  it('reports each deviation as a vendor finding, in the JSON report, and the client still passes', () => {
    const report = proxy.report();
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.results.map((result) => [result.vendor, result.verdict, result.violations])).toEqual([['emporix', 'pass', []]]);
    const [departures] = report.vendorDepartures;
    expect(departures!.vendor).toBe('emporix');
    const found = departures!.findings.map((group) => [group.code, group.pointer, group.party, group.firstRequest.request.path]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['response.status.undocumented', '', 'vendor', '/return/acme/returns/extra-status'],
        ['response.response.required', '/approvalStatus', 'vendor', '/return/acme/returns/missing-field'],
        ['response.response.type', '/received', 'vendor', '/return/acme/returns/wrong-type'],
      ]),
    );
    expect(found).toHaveLength(3);
    expect(report.summary.vendorFindings).toBe(departures!.findings.reduce((sum, group) => sum + group.count, 0));
  });

  it('shows the three deviations in the Markdown, JUnit and HTML reports, without failing the client', () => {
    const markdown = proxy.report({ format: 'md' });
    const junit = proxy.report({ format: 'junit' });
    const html = proxy.report({ format: 'html' });
    expect(markdown).toContain('# Contract report: PASS');
    expect(markdown).toContain('where the vendor departs from its documentation');
    expect(junit).toContain('failures="0"');
    expect(junit).not.toContain('<failure');
    expect(junit).toContain('emporix: where the vendor departs from its documentation');
    expect(html).toContain('id="verdict">pass<');
    expect(html).toContain('class="vendor-departures" data-vendor="emporix"');
    for (const [code, pointer] of [
      ['response.status.undocumented', '/'],
      ['response.response.required', '/approvalStatus'],
      ['response.response.type', '/received'],
    ] as const) {
      expect(markdown).toContain(`| getReturn | ${code} | response | ${pointer} |`);
      expect(junit).toContain(`name="getReturn: ${code} at response ${pointer}"`);
      expect(html).toMatch(
        new RegExp(
          `<tr class="violation" data-level="violation" data-source="vendor-doc" data-party="vendor"><td class="operation">getReturn</td><td class="code"><code>${code.replaceAll('.', '\\.')}</code></td><td class="source">vendor-doc</td><td class="location">response</td><td class="pointer"><code>${pointer}</code>`,
        ),
      );
    }
  });
});

describe('proxy mode: an upstream that fails', () => {
  it("answers 502 in the vendor's shape, naming the upstream and the cause, when the connection is refused", async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const proxy = await startMock({ inMemory: true, proxy: { emporix: `http://127.0.0.1:${port}`, intershop: `http://127.0.0.1:${port}/rest` }, proxyTimeout: 2 });
    try {
      const answer = await send(proxy.urlFor('emporix'), { method: 'GET', path: '/return/acme/returns/r-1', headers: { authorization: 'Bearer test-token' } });
      expect(answer.status).toBe(502);
      const body = JSON.parse(answer.text);
      expect(body).toMatchObject({ code: 502, status: 'Bad Gateway' });
      expect(body.message).toContain(`http://127.0.0.1:${port}/return/acme/returns/r-1`);
      expect(body.message).toContain('connection refused');
      const iom = await send(proxy.urlFor('intershop'), {
        method: 'GET',
        path: '/shops/inTRONICS/orders/1/return-requests',
        headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
      });
      expect(iom.status).toBe(502);
      expect(JSON.parse(iom.text)).toMatchObject({ status: 502, errors: [{ code: 'BAD_GATEWAY' }] });
      const report = proxy.report();
      expect(report.verdict).toBe('pass');
      expect(report.vendorDepartures.flatMap((d) => d.findings.map((f) => f.code))).toEqual(['proxy.upstream.unreachable', 'proxy.upstream.unreachable']);
    } finally {
      await proxy.close();
    }
  });

  it('answers 504 when the upstream does not answer within --proxy-timeout, and the hung upstream does not hang the client', async () => {
    const hung = createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
    const proxy = await startMock({ inMemory: true, vendors: ['shopctrl'], proxy: { shopctrl: url }, proxyTimeout: 0.3 });
    try {
      const engine = proxy.engines[0]!;
      const request = buildValidRequest(engine.spec, engine.operations[0]!, createSeededFaker(1));
      const answer = await send(proxy.urlFor('shopctrl'), request);
      expect(answer.status).toBe(504);
      expect(JSON.parse(answer.text).Message).toContain(`did not answer within 300 ms`);
    } finally {
      await proxy.close();
      hung.closeAllConnections();
      await new Promise((resolve) => hung.close(resolve));
    }
  });

  it('answers 502 naming a DNS failure for a host that does not resolve', async () => {
    const proxy = await startMock({ inMemory: true, vendors: ['emporix'], proxy: { emporix: 'http://returns-mock-upstream.invalid' }, proxyTimeout: 5 });
    try {
      const answer = await send(proxy.urlFor('emporix'), { method: 'GET', path: '/return/acme/returns/r-1', headers: { authorization: 'Bearer test-token' } });
      expect(answer.status).toBe(502);
      expect(JSON.parse(answer.text).message).toContain('DNS lookup failed');
    } finally {
      await proxy.close();
    }
  });
});
