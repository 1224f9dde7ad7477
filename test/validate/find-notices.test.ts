import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';

/** A spec whose body nests through `$ref`, `allOf`, `oneOf`, arrays, a closed object and a map; read as JSON and as XML. */
const SPEC = `
openapi: 3.0.3
info: { title: Things, version: '1' }
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - { name: limit, in: query, schema: { type: integer } }
        - name: page
          in: query
          schema: { type: object, properties: { offset: { type: integer }, size: { type: integer } } }
        - name: filter
          in: query
          style: deepObject
          schema: { type: object, properties: { colour: { type: string } } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array, items: { type: object } } } } }
    post:
      operationId: createThing
      requestBody:
        required: true
        content:
          application/json: { schema: { $ref: '#/components/schemas/Thing' } }
          application/xml: { schema: { $ref: '#/components/schemas/Thing' } }
      responses:
        '201': { description: created }
components:
  schemas:
    Thing:
      xml: { name: Thing }
      allOf:
        - type: object
          properties:
            Name: { type: string }
        - type: object
          properties:
            Parts: { type: array, xml: { wrapped: true }, items: { $ref: '#/components/schemas/Part' } }
            Meta: { type: object, additionalProperties: false, properties: { Weight: { type: integer } } }
            Labels: { type: object, additionalProperties: { type: string } }
            Free: { type: object }
    Part:
      xml: { name: Part }
      oneOf:
        - type: object
          required: [Id]
          properties: { Id: { type: integer } }
        - type: object
          required: [Sku]
          properties: { Sku: { type: string } }
`;

async function thingsMock() {
  const dir = mkdtempSync(path.join(tmpdir(), 'returns-mock-notices-'));
  const file = path.join(dir, 'things.yaml');
  writeFileSync(file, SPEC);
  return createTestMock({ vendors: [], spec: [{ file }] });
}

const findings = (mock: Awaited<ReturnType<typeof thingsMock>>) =>
  mock
    .journal()
    .at(-1)!
    .violations.map(({ code, pointer, level }) => ({ code, pointer, level }));

describe('notices of what the vendor ignores, found from the spec', () => {
  it('names unknown body properties at any depth, through $ref, allOf, oneOf and arrays; a map or free-form object takes any name', async () => {
    const mock = await thingsMock();
    const body = { Name: 'a', Nmae: 'typo', Parts: [{ Id: 1, Colour: 'red' }, { Sku: 'x' }], Labels: { anything: 'goes' }, Free: { whatever: 1 } };
    expect((await mock.send('POST', '/things/things', { body })).status).toBe(201);
    expect(findings(mock)).toEqual([
      { code: 'request.body.unknown-property', pointer: '/Nmae', level: 'notice' },
      { code: 'request.body.unknown-property', pointer: '/Parts/0/Colour', level: 'notice' },
    ]);
  });

  it('leaves a name additionalProperties: false refuses to that violation, with no second finding', async () => {
    const mock = await thingsMock();
    expect((await mock.send('POST', '/things/things', { body: { Meta: { Weight: 1, Wieght: 2 } } })).status).toBe(400);
    expect(findings(mock)).toEqual([{ code: 'request.body.additionalProperties', pointer: '/Meta/Wieght', level: 'violation' }]);
  });

  it('names unknown elements of an XML body', async () => {
    const mock = await thingsMock();
    const xml = '<Thing><Name>a</Name><Nmae>typo</Nmae><Parts><Part><Id>1</Id><Colour>red</Colour></Part></Parts></Thing>';
    expect((await mock.send('POST', '/things/things', { headers: { 'content-type': 'application/xml' }, body: xml })).status).toBe(201);
    expect(findings(mock).map((finding) => finding.pointer)).toEqual(['/Nmae', '/Parts/0/Colour']);
  });

  it('names undeclared query parameters, but not an exploded object’s properties or a deepObject’s keys', async () => {
    const mock = await thingsMock();
    expect((await mock.send('GET', '/things/things?limit=5&offset=1&size=2&filter[colour]=red&limt=5&limt=6')).status).toBe(200);
    expect(findings(mock)).toEqual([{ code: 'request.query.undeclared', pointer: '/limt', level: 'notice' }]);
  });
});
