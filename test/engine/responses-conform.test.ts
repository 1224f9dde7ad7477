import { describe, expect, it } from 'vitest';
import { createMock, type Exchange } from '../../src/index.js';
import { createSeededFaker } from '../../src/fake/index.js';
import { vendorPlugins } from '../../src/vendors/index.js';
import { buildValidRequest, type BuiltRequest } from '../helpers/valid-request.js';

const exchanges: Exchange[] = [];
const mock = await createMock({ inMemory: true, onExchange: (exchange) => exchanges.push(exchange), maxBody: 64 * 1024 });

async function send(prefix: string, request: BuiltRequest): Promise<Exchange> {
  exchanges.length = 0;
  const init: RequestInit = { method: request.method, headers: request.headers };
  if (request.body !== undefined) init.body = request.body;
  await mock.app.request(`http://localhost${prefix}${request.path}`, init);
  expect(exchanges).toHaveLength(1);
  return exchanges[0]!;
}

const cases = mock.engines.flatMap((engine) => engine.operations.map((compiled) => [engine.plugin.id, compiled.operation.operationId, engine, compiled] as const));

describe('every answer fits the spec, for every operation of the four vendors', () => {
  it('covers all four vendors', () => {
    expect(mock.engines.map((engine) => engine.plugin.id)).toEqual(vendorPlugins.map((plugin) => plugin.id));
  });

  describe.each(cases)('%s %s', (_vendor, _operationId, engine, compiled) => {
    const faker = createSeededFaker(7);
    const prefix = engine.plugin.prefix;
    const valid = () => buildValidRequest(engine.spec, compiled, faker);
    const documented = (status: number) => compiled.operation.responses.some((r) => r.status === String(status));
    const refusals: Array<[string, number, () => BuiltRequest]> = [];
    if (compiled.operation.security.length > 0 && !compiled.operation.security.some((r) => Object.keys(r).length === 0)) {
      refusals.push([
        'no credentials',
        401,
        () => {
          const request = valid();
          for (const name of Object.keys(request.headers)) if (name === 'authorization' || name.includes('api-key')) delete request.headers[name];
          return request;
        },
      ]);
    }
    if (compiled.bodies.length > 0) {
      refusals.push(['an unsupported content type', 415, () => ({ ...valid(), headers: { ...valid().headers, 'content-type': 'application/x-unknown' } })]);
      refusals.push([
        'malformed JSON',
        400,
        () => {
          const request = valid();
          const json = compiled.bodies.find((b) => b.format === 'json')!;
          return { ...request, headers: { ...request.headers, 'content-type': json.media.mediaType }, body: '{"broken":' };
        },
      ]);
      refusals.push(['a body over the limit', 413, () => ({ ...valid(), body: `"${'x'.repeat(70 * 1024)}"` })]);
    }
    // A vendor whose platform falls back to a format it has (ASP.NET) answers such an Accept instead (test/media/effective-accept.test.ts).
    if (compiled.successMediaTypes.length > 0 && engine.plugin.platform?.negotiation !== 'request-format') {
      refusals.push(['an Accept nothing satisfies', 406, () => ({ ...valid(), headers: { ...valid().headers, accept: 'application/x-nothing' } })]);
    }

    it('answers a valid request with a success, or a 404 for a resource the empty store lacks, that fits the spec', async () => {
      const exchange = await send(prefix, valid());
      expect(exchange.violations.filter((v) => !v.code.startsWith('state.'))).toEqual([]);
      if (exchange.response.status === 404) expect(exchange.violations.map((v) => v.code)).toEqual([expect.stringMatching(/^state\.[a-z-]+\.not-found$/)]);
      else expect(exchange.response.status).toBeGreaterThanOrEqual(200);
      expect(exchange.response.status).toBeLessThan(exchange.response.status === 404 ? 405 : 300);
      expect(exchange.responseViolations).toEqual([]);
    });

    it.each(refusals)('refuses %s with %i in the vendor shape the spec documents', async (_what, status, build) => {
      expect(documented(status), `status ${status} is documented`).toBe(true);
      const exchange = await send(prefix, build());
      expect(exchange.response.status).toBe(status);
      expect(exchange.responseViolations).toEqual([]);
    });
  });
});
