import { describe, expect, it } from 'vitest';
import { bindJsonBody } from '../../src/media/bind-json-body.js';
import { effectiveAccept } from '../../src/media/effective-accept.js';
import { decodeXml, type IgnoredXmlElement } from '../../src/media/xml-codec.js';
import { inMemorySpec } from '../helpers/spec-tools.js';

const doc = {
  components: {
    schemas: {
      Changes: {
        type: 'object',
        xml: { name: 'Changes' },
        properties: {
          OrderId: { type: 'integer' },
          WarehouseId: { type: ['integer', 'null'] },
          Quantity: { type: 'number' },
          Code: { type: 'string' },
          Rows: { type: 'array', xml: { wrapped: true }, items: { $ref: '#/components/schemas/Row' } },
        },
      },
      Row: { type: 'object', xml: { name: 'Row' }, properties: { RowId: { type: 'integer' } } },
    },
  },
};
const spec = inMemorySpec(doc).index;
const CHANGES = { $ref: '#/components/schemas/Changes' };

describe('effectiveAccept (the request-format platform: ASP.NET)', () => {
  const offered = ['application/json', 'text/json', 'application/xml', 'text/xml'];
  const aspnet = { negotiation: 'request-format' } as const;
  it.each([
    ['no Accept, an XML body', undefined, 'text/xml; charset=utf-8', 'text/xml'],
    ['a blank Accept, a JSON body', ' ', 'application/json', 'application/json'],
    ['an Accept nothing satisfies, an XML body', 'application/pdf', 'application/xml', 'application/xml'],
    ['an Accept nothing satisfies, no body', 'application/pdf', undefined, 'application/json'],
    ['a satisfiable Accept', 'application/json', 'application/xml', 'application/json'],
  ])('answers %s in %s', (_what, accept, contentType, expected) => {
    expect(effectiveAccept(aspnet, accept, contentType, offered)).toBe(expected);
  });
  it('leaves the header as sent for a vendor without that platform', () => {
    expect(effectiveAccept(undefined, undefined, 'application/xml', offered)).toBeUndefined();
    expect(effectiveAccept({}, 'application/pdf', 'application/xml', offered)).toBe('application/pdf');
  });
});

describe('bindJsonBody (Json.NET and System.Text.Json web defaults)', () => {
  it('binds property names in any letter case and numbers sent as strings, at any depth', () => {
    const bound = bindJsonBody(spec, { orderid: '5', QUANTITY: '1.5', code: '7', rows: [{ rowId: '2' }] }, CHANGES);
    expect(bound).toEqual({ OrderId: 5, Quantity: 1.5, Code: '7', Rows: [{ RowId: 2 }] });
  });
  it('leaves what does not bind as sent, so validation still names it', () => {
    expect(bindJsonBody(spec, { OrderId: 'five', Quantity: ' 1', Unknown: '3', WarehouseId: null }, CHANGES)).toEqual({
      OrderId: 'five',
      Quantity: ' 1',
      Unknown: '3',
      WarehouseId: null,
    });
  });
  it('keeps the declared spelling when a body carries both', () => {
    expect(bindJsonBody(spec, { orderId: 1, OrderId: 2 }, CHANGES)).toEqual({ orderId: 1, OrderId: 2 });
  });
});

describe('decodeXml as XmlSerializer reads it', () => {
  it('reads xsi:nil="true" as null and ignores other attributes', () => {
    const xml = '<Changes xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><OrderId a="1">5</OrderId><WarehouseId xsi:nil="true" /><Code lang="de"/></Changes>';
    expect(decodeXml(spec, xml, CHANGES)).toEqual({ OrderId: 5, WarehouseId: null, Code: '' });
  });
  it('reads only list items under their element name and reports the others as ignored', () => {
    const ignored: IgnoredXmlElement[] = [];
    const xml = '<Changes><OrderId>5</OrderId><Rows><Row><RowId>1</RowId></Row><Line><RowId>2</RowId></Line><row><RowId>3</RowId></row></Rows></Changes>';
    expect(decodeXml(spec, xml, CHANGES, undefined, ignored)).toEqual({ OrderId: 5, Rows: [{ RowId: 1 }] });
    expect(ignored).toEqual([
      { pointer: '/Rows', element: 'Line', expected: 'Row' },
      { pointer: '/Rows', element: 'row', expected: 'Row' },
    ]);
  });
});
