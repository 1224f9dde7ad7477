import { describe, expect, it } from 'vitest';
import { ENGINE_RULES } from '../../src/core/core-rules.js';
import { createRuleRegistry } from '../../src/core/rule-registry.js';
import type { Rule } from '../../src/core/rules.js';
import { SCHEMA_KEYWORDS, schemaRule } from '../../src/core/schema-rules.js';
import type { Violation } from '../../src/core/violation.js';
import { createSeededFaker } from '../../src/fake/index.js';
import { createMock, type Exchange } from '../../src/index.js';
import { vendorPlugins } from '../../src/vendors/index.js';
import { buildValidRequest, type BuiltRequest } from '../helpers/valid-request.js';

const LEVELS = ['violation', 'risk', 'notice', 'usage'];
const SOURCES = ['vendor-doc', 'vendor-reference', 'platform', 'mock'];
const allRules: Rule[] = [...ENGINE_RULES, ...vendorPlugins.flatMap((plugin) => plugin.rules ?? [])];

describe('the rule registry', () => {
  it('holds each code once per vendor', () => {
    expect(() => createRuleRegistry(allRules)).not.toThrow();
  });

  it.each(allRules.map((rule) => [`${rule.vendor} ${rule.code}`, rule] as const))(
    '%s has a description, a level and a source; a violation rests on more than the mock',
    (_name, rule) => {
      expect(rule.code).toMatch(/^[a-z][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+$/);
      expect(rule.description.trim().length).toBeGreaterThan(10);
      expect(LEVELS).toContain(rule.level);
      expect(SOURCES).toContain(rule.source);
      // Only a refusal the user asked for with an option of the mock (--strict-fixtures) may rest on the mock alone.
      if (rule.level === 'violation' && rule.option === undefined) expect(rule.source).not.toBe('mock');
    },
  );

  it('names every schema keyword at every site, and files an unknown keyword under `schema`', () => {
    for (const keyword of SCHEMA_KEYWORDS) expect(schemaRule({ side: 'request', location: 'body' }, keyword).code).toBe(`request.body.${keyword}`);
    expect(schemaRule({ side: 'response', location: 'response' }, 'false schema').code).toBe('response.response.schema');
  });
});

/** Requests of every kind the engine judges, for every operation of every vendor: each finding's code must be registered. */
describe('every finding raised by representative traffic names a registered rule', async () => {
  const exchanges: Exchange[] = [];
  const mock = await createMock({ inMemory: true, maxBody: 64 * 1024, onExchange: (exchange) => exchanges.push(exchange) });
  const registry = createRuleRegistry(allRules);
  const send = async (prefix: string, request: BuiltRequest) => {
    const init: RequestInit = { method: request.method, headers: request.headers };
    // A fetch Request cannot carry a body with GET or HEAD.
    if (request.body !== undefined && !['GET', 'HEAD'].includes(request.method.toUpperCase())) init.body = request.body;
    await mock.app.request(`http://localhost${prefix}${request.path}`, init);
  };
  const withQuery = (request: BuiltRequest, query: string) => ({ ...request, path: `${request.path}${request.path.includes('?') ? '&' : '?'}${query}` });

  for (const engine of mock.engines) {
    const prefix = engine.plugin.prefix;
    for (const compiled of engine.operations) {
      const faker = createSeededFaker(11);
      const valid = () => buildValidRequest(engine.spec, compiled, faker);
      const variants: BuiltRequest[] = [
        valid(),
        withQuery(valid(), 'pageSise=5'),
        { ...valid(), headers: { ...valid().headers, accept: 'application/x-nothing' } },
        { ...valid(), headers: { ...valid().headers, prefer: 'code=418' } },
        { ...valid(), headers: { ...valid().headers, prefer: 'code=599' } },
        { ...valid(), headers: { ...valid().headers, prefer: 'example=nope' } },
        { ...valid(), headers: { ...valid().headers, prefer: 'dynamic=maybe' } },
        { ...valid(), headers: Object.fromEntries(Object.entries(valid().headers).filter(([name]) => name !== 'authorization' && !name.includes('api-key'))) },
        { ...valid(), path: `${valid().path.split('?')[0]}/no-such-thing` },
        { ...valid(), method: compiled.operation.method.toLowerCase() === 'delete' ? 'OPTIONS' : 'DELETE', body: undefined },
      ];
      const json = compiled.bodies.find((body) => body.format === 'json');
      if (compiled.bodies.length === 0 && !['get', 'head'].includes(compiled.operation.method.toLowerCase()))
        variants.push({ ...valid(), headers: { ...valid().headers, 'content-type': 'application/json' }, body: '{"unexpected":true}' });
      else {
        variants.push({ ...valid(), headers: { ...valid().headers, 'content-type': 'application/x-unknown' } });
        variants.push({ ...valid(), body: `"${'x'.repeat(70 * 1024)}"` });
        if (json !== undefined) {
          const request = valid();
          variants.push({ ...request, headers: { ...request.headers, 'content-type': json.media.mediaType }, body: '{"broken":' });
          const body = request.body === undefined ? undefined : (JSON.parse(request.body) as unknown);
          if (typeof body === 'object' && body !== null && !Array.isArray(body))
            variants.push({ ...request, headers: { ...request.headers, 'content-type': json.media.mediaType }, body: JSON.stringify({ ...body, Zzmisspelt: 1 }) });
        }
      }
      for (const variant of variants) await send(prefix, variant);
    }
  }
  await mock.app.request('http://localhost/__admin/reset', { method: 'POST' });

  const findings: Array<{ vendor: string; finding: Violation }> = exchanges.flatMap((exchange) => exchange.violations.map((finding) => ({ vendor: exchange.vendor, finding })));
  const codes = [...new Set(findings.map(({ vendor, finding }) => `${vendor} ${finding.code}`))].sort();

  it('raises findings of every level the engine knows', () => {
    const levels = new Set(findings.map(({ finding }) => finding.level));
    for (const level of ['violation', 'notice', 'usage']) expect(levels).toContain(level);
    for (const code of ['request.body.unknown-property', 'request.query.undeclared', 'request.body.unexpected', 'mock.prefer.invalid'])
      expect(codes.some((key) => key.endsWith(` ${code}`))).toBe(true);
  });

  it.each(codes.map((key) => [key] as const))('%s is registered, and the finding carries its level and source', (key) => {
    const [vendor, code] = key.split(' ') as [string, string];
    const rule = registry.find(vendor, code);
    expect(rule, `${code} (${vendor}) has no registered rule`).toBeDefined();
    for (const { finding } of findings.filter((found) => found.vendor === vendor && found.finding.code === code)) {
      expect(finding.level).toBe(rule!.level);
      expect(finding.source).toBe(rule!.source);
    }
  });
});
