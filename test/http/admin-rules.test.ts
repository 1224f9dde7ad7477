import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesTable } from '../../src/contract/index.js';
import { ENGINE_RULES } from '../../src/core/core-rules.js';
import { createRuleRegistry } from '../../src/core/rule-registry.js';
import { vendorPlugins } from '../../src/vendors/index.js';
import { createTestMock } from '../helpers/mock-client.js';

const README = new URL('../../README.md', import.meta.url);
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

describe('GET /__admin/rules', async () => {
  const { send } = await createTestMock();
  const registry = createRuleRegistry([...ENGINE_RULES, ...vendorPlugins.flatMap((plugin) => plugin.rules ?? [])]);

  it('lists every rule of the engine (vendor *) once and of each mounted vendor, with level, source and description', async () => {
    const response = await send('GET', '/__admin/rules');
    expect(response.status).toBe(200);
    expect(response.json).toEqual(JSON.parse(JSON.stringify(registry.list())));
    const codes = (response.json as Array<{ code: string; vendor: string }>).filter((rule) => rule.vendor === '*').map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(
      expect.arrayContaining(['request.body.unknown-property', 'request.query.undeclared', 'request.body.unexpected', 'mock.prefer.invalid', 'request.body.maxLength']),
    );
    for (const rule of response.json as Array<Record<string, unknown>>)
      expect(Object.keys(rule).sort()).toEqual(expect.arrayContaining(['code', 'description', 'level', 'source', 'vendor']));
  });

  it('with ?vendor= keeps the engine’s rules and that vendor’s', async () => {
    const response = await send('GET', '/__admin/rules?vendor=emporix');
    expect(response.status).toBe(200);
    const vendors = new Set((response.json as Array<{ vendor: string }>).map((rule) => rule.vendor));
    expect([...vendors].every((vendor) => vendor === '*' || vendor === 'emporix')).toBe(true);
    expect(response.json).toEqual(JSON.parse(JSON.stringify(registry.list('emporix'))));
  });

  it('refuses a vendor that is not mounted with a 400 naming vendor', async () => {
    const response = await send('GET', '/__admin/rules?vendor=amazon');
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/^vendor must be/);
    expect((await send('GET', '/__admin/rules?vendr=emporix')).status).toBe(400);
  });

  it('is listed by GET /__admin and described by /__admin/openapi.json', async () => {
    expect((await send('GET', '/__admin')).json.routes).toContainEqual(expect.objectContaining({ method: 'GET', path: '/__admin/rules' }));
    const document = (await send('GET', '/__admin/openapi.json')).json;
    expect(document.paths['/rules'].get.operationId).toBe('listRules');
    expect(document.paths['/report'].get.parameters).toContainEqual(expect.objectContaining({ name: 'failOn' }));
  });

  it('matches the table in the README (UPDATE_README=1 regenerates it)', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, `README.md has the ${START} marker`).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const table = `${START}\n${renderRulesTable(registry.list())}\n${END}`;
    if (process.env.UPDATE_README === '1') writeFileSync(README, `${readme.slice(0, start)}${table}${readme.slice(end + END.length)}`);
    else expect(readme.slice(start, end + END.length), 'the README rule table is out of date: run UPDATE_README=1 npx vitest run test/http/admin-rules.test.ts').toBe(table);
  });
});
