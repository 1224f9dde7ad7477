import { describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';

const catalog = new URL('../fixtures/specs/catalog.yaml', import.meta.url).pathname;
const auth = { 'x-api-key': 'k', 'x-trace': '0b6f2b1e-8d7c-4a59-9b0e-3f1f0c2d9a11' };

describe('a third-party OpenAPI 3.0 spec mounted with --spec', async () => {
  const mock = await createTestMock({ vendors: [], spec: [{ file: catalog }] });
  const { send } = mock;

  it('mounts at the file base name and answers with the documented example', async () => {
    const response = await send('GET', '/catalog/items', { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.json).toEqual([{ id: 1, name: 'Lamp', price: 9.5 }]);
  });

  it('prefers a literal path segment over a template', async () => {
    const response = await send('GET', '/catalog/items/featured');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ id: 7, name: 'Featured', price: 1 });
  });

  it('answers HEAD like GET, validated as the GET operation, without a body', async () => {
    const head = await send('HEAD', '/catalog/items', { headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(head.text).toBe('');
    expect((await send('HEAD', '/catalog/items?limit=99', { headers: auth })).status).toBe(400);
  });

  it('answers 404 for an unknown path and 405 with Allow for a method the path lacks', async () => {
    expect((await send('GET', '/catalog/nothing')).status).toBe(404);
    const response = await send('DELETE', '/catalog/items', { headers: auth });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('coerces and validates typed path parameters', async () => {
    const ok = await send('GET', '/catalog/items/12');
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ id: expect.any(Number), name: expect.any(String) });
    const bad = await send('GET', '/catalog/items/abc');
    expect(bad.status).toBe(400);
    expect(bad.json.violations).toEqual([expect.objectContaining({ code: 'request.path.type', location: 'path', pointer: '/itemId' })]);
    for (const notAnInteger of ['12.0', '1e1', '0x0C']) {
      const refused = await send('GET', `/catalog/items/${notAnInteger}`);
      expect(refused.json.violations).toEqual([expect.objectContaining({ code: 'request.path.type', pointer: '/itemId' })]);
    }
    const beyondInt64 = await send('GET', '/catalog/items/99999999999999999999999');
    expect(beyondInt64.json.violations).toEqual([expect.objectContaining({ code: 'request.path.format', pointer: '/itemId' })]);
    const zero = await send('GET', '/catalog/items/0');
    expect(zero.json.violations[0]).toMatchObject({ code: 'request.path.minimum', specPointer: '#/paths/~1items~1{itemId}/parameters/0/schema/minimum' });
  });

  it('reports every query and header violation at once, each naming its parameter', async () => {
    const response = await send('GET', '/catalog/items?limit=99&tag=red,green', { headers: { 'x-api-key': 'k', 'x-trace': 'not-a-uuid' } });
    expect(response.status).toBe(400);
    const found = response.json.violations.map((v: { code: string; pointer: string }) => `${v.code} ${v.pointer}`);
    expect(found.sort()).toEqual(['request.header.format /x-trace', 'request.query.enum /tag/1', 'request.query.maximum /limit']);
  });

  it('reads object parameters in deepObject, exploded form and simple style, typing each property', async () => {
    const valid = await send('GET', '/catalog/items?filter[minPrice]=2.5&filter[inStock]=true&filter[colors]=red&filter[colors]=blue&offset=0&size=20', {
      headers: { ...auth, 'x-range': 'from,1,to,9' },
    });
    expect(valid.status).toBe(200);

    const invalid = await send('GET', '/catalog/items?filter[minPrice]=-1&filter[inStock]=maybe&filter[colors]=green&filter[__proto__]=x&size=21', {
      headers: { ...auth, 'x-range': 'from,one' },
    });
    expect(invalid.status).toBe(400);
    const found = invalid.json.violations.map((v: { code: string; pointer: string }) => `${v.code} ${v.pointer}`);
    expect(found.sort()).toEqual([
      'request.header.type /x-range/from',
      'request.query.additionalProperties /filter/__proto__',
      'request.query.enum /filter/colors/0',
      'request.query.maximum /page/size',
      'request.query.minimum /filter/minPrice',
      'request.query.type /filter/inStock',
    ]);
    expect(Object.prototype).not.toHaveProperty('x');
  });

  it('requires a missing required header', async () => {
    const response = await send('GET', '/catalog/items', { headers: { 'x-api-key': 'k' } });
    expect(response.status).toBe(400);
    expect(response.json.violations).toEqual([expect.objectContaining({ code: 'request.header.required', pointer: '/x-trace' })]);
  });

  it('refuses missing credentials with 401 before anything else', async () => {
    const response = await send('GET', '/catalog/items?limit=99');
    expect(response.status).toBe(401);
    expect(response.json.violations).toEqual([expect.objectContaining({ location: 'security', pointer: '/X-Api-Key' })]);
  });

  it('validates the body against the 3.0 schema (nullable, boolean exclusiveMinimum) and names each field', async () => {
    const ok = await send('POST', '/catalog/items', { headers: auth, body: { name: 'Chair', price: 3, note: null } });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ id: expect.any(Number), name: expect.any(String) });
    const bad = await send('POST', '/catalog/items', { headers: auth, body: { name: '', price: 0 } });
    expect(bad.status).toBe(400);
    const found = bad.json.violations.map((v: { code: string; pointer: string; specPointer: string }) => `${v.code} ${v.pointer} ${v.specPointer}`);
    expect(found.sort()).toEqual([
      'request.body.exclusiveMinimum /price #/components/schemas/NewItem/properties/price/exclusiveMinimum',
      'request.body.minLength /name #/components/schemas/NewItem/properties/name/minLength',
    ]);
  });

  it('answers malformed JSON with a 400, never a 500', async () => {
    const response = await send('POST', '/catalog/items', { headers: { ...auth, 'content-type': 'application/json' }, body: '{"name": "x",' });
    expect(response.status).toBe(400);
    expect(response.json.violations[0]).toMatchObject({ code: 'request.body.malformed' });
  });

  it('answers a missing required body with 400 and an unsupported content type with 415', async () => {
    expect((await send('POST', '/catalog/items', { headers: auth })).json.violations[0].code).toBe('request.body.missing');
    const response = await send('POST', '/catalog/items', { headers: { ...auth, 'content-type': 'text/plain' }, body: 'name=x' });
    expect(response.status).toBe(415);
    expect(response.json.violations[0]).toMatchObject({ code: 'request.header.content-type', pointer: '/content-type' });
  });

  it('answers an Accept no response media type satisfies with 406', async () => {
    const response = await send('GET', '/catalog/items', { headers: { ...auth, accept: 'application/xml' } });
    expect(response.status).toBe(406);
    expect(response.json.violations[0]).toMatchObject({ code: 'request.header.accept' });
  });

  it('serves the spec back as YAML and JSON', async () => {
    const yaml = await send('GET', '/catalog/openapi.yaml');
    expect(yaml.text).toContain('title: Catalog');
    expect((await send('GET', '/catalog/openapi.json')).json.info.title).toBe('Catalog');
  });
});
