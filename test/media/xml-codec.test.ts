import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { decodeXml, encodeLocalName, encodeXml, UnreadableXmlError } from '../../src/media/xml-codec.js';
import { inMemorySpec } from '../helpers/spec-tools.js';

const doc = {
  components: {
    schemas: {
      Error: {
        type: 'object',
        properties: { Message: { type: 'string' }, ModelState: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } },
      },
      Changes: { type: 'object', xml: { name: 'OrderReturnChanges' }, properties: { OrderId: { type: 'integer' } } },
    },
  },
};

describe('encodeLocalName', () => {
  it('escapes what an element name may not hold as .NET XmlConvert.EncodeLocalName does', () => {
    expect(encodeLocalName('orderReturn.ReturnCode')).toBe('orderReturn.ReturnCode');
    expect(encodeLocalName('orderReturn.OrderReturnRows[0].OrderRowId')).toBe('orderReturn.OrderReturnRows_x005B_0_x005D_.OrderRowId');
    expect(encodeLocalName('1st')).toBe('_x0031_st');
    expect(encodeLocalName('a b:c')).toBe('a_x0020_b_x003A_c');
    expect(encodeLocalName('_x0041_')).toBe('_x005F_x0041_');
    expect(encodeLocalName('my_xml')).toBe('my_xml');
    expect(encodeLocalName('ü😀')).toBe('ü😀');
    expect(encodeLocalName('\u0000')).toBe('_x0000_');
  });
});

describe('encodeXml', () => {
  it('writes map keys as valid element names, so a ModelState keyed by row paths is well-formed XML', () => {
    const xml = encodeXml(
      inMemorySpec(doc).index,
      { Message: 'The request is invalid.', ModelState: { 'orderReturn.OrderReturnRows[0].OrderRowId': ['unknown row'] } },
      { $ref: '#/components/schemas/Error' },
      undefined,
      'Response',
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<ModelState><orderReturn.OrderReturnRows_x005B_0_x005D_.OrderRowId>unknown row</orderReturn.OrderReturnRows_x005B_0_x005D_.OrderRowId></ModelState>');
  });
});

describe("arrays, as OpenAPI's xml object describes them", () => {
  const listDoc = {
    components: {
      schemas: {
        Zoo: {
          type: 'object',
          properties: {
            animals: { type: 'array', items: { type: 'string', xml: { name: 'animal' } } },
            keepers: { type: 'array', items: { type: 'string' } },
            cages: { type: 'array', xml: { wrapped: true }, items: { type: 'integer' } },
          },
        },
      },
    },
  };
  const zoo = { $ref: '#/components/schemas/Zoo' };
  const xml = '<Zoo><animal>cat</animal><animal>dog</animal><keepers>Ann</keepers><cages><cages>1</cages><cages>2</cages></cages></Zoo>';

  it('writes an unwrapped array (the default) as its items repeated, a wrapped one inside its own element', () => {
    expect(encodeXml(inMemorySpec(listDoc).index, { animals: ['cat', 'dog'], keepers: ['Ann'], cages: [1, 2] }, zoo, undefined, 'Zoo')).toContain(xml.slice('<Zoo>'.length));
  });

  it('reads both back into the same JSON', () => {
    expect(decodeXml(inMemorySpec(listDoc).index, xml, zoo)).toEqual({ animals: ['cat', 'dog'], keepers: ['Ann'], cages: [1, 2] });
  });
});

describe('decodeXml', () => {
  const schema = { $ref: '#/components/schemas/Changes' };

  it('reads a body whose root element is the one the schema names', () => {
    expect(decodeXml(inMemorySpec(doc).index, '<OrderReturnChanges><OrderId>5</OrderId></OrderReturnChanges>', schema)).toEqual({ OrderId: 5 });
  });

  it('refuses another root element, as an XML serializer reads only the one it expects', () => {
    expect(() => decodeXml(inMemorySpec(doc).index, '<Foo><OrderId>5</OrderId></Foo>', schema)).toThrow(UnreadableXmlError);
    expect(() => decodeXml(inMemorySpec(doc).index, '<x:OrderReturnChanges xmlns:x="urn:x"><OrderId>5</OrderId></x:OrderReturnChanges>', schema)).toThrow(
      "the body's root element is <x:OrderReturnChanges>, where <OrderReturnChanges> is expected",
    );
  });

  it('takes any root element for an inline schema, which names none', () => {
    expect(decodeXml(inMemorySpec(doc).index, '<Anything><OrderId>5</OrderId></Anything>', { type: 'object', properties: { OrderId: { type: 'integer' } } })).toEqual({
      OrderId: 5,
    });
  });

  it('refuses XML that is not well-formed', () => {
    expect(() => decodeXml(inMemorySpec(doc).index, '<OrderReturnChanges><OrderId>5</OrderReturnChanges>', schema)).toThrow(/not well-formed XML/);
  });
});
