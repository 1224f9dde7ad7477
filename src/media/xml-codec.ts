import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { viewSchema, type SchemaView } from '../spec/resolve-schema.js';
import type { SpecIndex } from '../spec/spec-index.js';

type Json = Record<string, unknown>;

const ATTRIBUTE = '@_';
const TEXT = '#text';

// Attributes are read only to find `xsi:nil`; any other attribute is ignored, as XmlSerializer ignores one it does not know.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE,
  textNodeName: TEXT,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });

/** Raised for a body that is not well-formed XML, or whose root element is not the schema's; the caller turns it into the vendor's 400. */
export class UnreadableXmlError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
    this.name = 'UnreadableXmlError';
  }
}

const enumNames = (view: SchemaView): Record<string, string> => {
  const names = view.schema['x-enum-names'];
  return typeof names === 'object' && names !== null ? (names as Record<string, string>) : {};
};

const xmlName = (schema: Json, fallback: string): string => {
  const xml = schema.xml as { name?: unknown } | undefined;
  return typeof xml?.name === 'string' ? xml.name : fallback;
};

/** The root element a body of this schema has: its `xml.name`, else its component's name; unknown for an inline schema. */
const rootName = (view: SchemaView): string | undefined => xmlName(view.schema, view.pointer?.match(/\/components\/schemas\/([^/]+)$/)?.[1] ?? '') || undefined;

const NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const isNameStart = new RegExp(`^[${NAME_START}]$`, 'u');
// XML 1.0 NameChar (§2.3) lists the combining marks U+0300–U+036F as name characters on their own: the class is meant.
// eslint-disable-next-line no-misleading-character-class
const isNameChar = new RegExp(`^[${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]$`, 'u');
/** Sticky, so that it tests at one position without copying the rest of the key. */
const escapeAt = /_x([0-9A-Fa-f]{4}|[0-9A-Fa-f]{8})_/y;

const looksEscaped = (key: string, at: number): boolean => {
  escapeAt.lastIndex = at;
  return escapeAt.test(key);
};

/**
 * A map key made a valid XML element name the way .NET's `XmlConvert.EncodeLocalName` does it, as ASP.NET writes
 * `ModelState` keys: a character a name may not hold becomes `_xHHHH_` (`[0]` → `_x005B_0_x005D_`), and an underscore
 * that would read as such an escape is itself escaped (`_x005F_`).
 */
export function encodeLocalName(key: string): string {
  let encoded = '';
  let at = 0;
  for (const char of key) {
    const code = char.codePointAt(0)!;
    const valid = (at === 0 ? isNameStart : isNameChar).test(char) && !(char === '_' && looksEscaped(key, at));
    encoded += valid
      ? char
      : `_x${code
          .toString(16)
          .toUpperCase()
          .padStart(code > 0xffff ? 8 : 4, '0')}_`;
    at += char.length;
  }
  return encoded;
}

/**
 * Parses an XML body into the JSON shape its schema describes: wrapped arrays unwrapped,
 * numbers and booleans typed, `x-enum-names` mapped back to values. Text that does not fit
 * the schema is kept as text so that validation names it.
 */
/** An element the decoder left out of the value because XmlSerializer would not read it: a list item under another element name. */
export interface IgnoredXmlElement {
  /** JSON pointer of the list the element stood in, e.g. `/OrderReturnRows`. */
  pointer: string;
  /** The element's name as sent. */
  element: string;
  /** The item element name the list reads. */
  expected: string;
}

export function decodeXml(spec: SpecIndex, text: string, schema: unknown, schemaPointer?: string, ignored: IgnoredXmlElement[] = []): unknown {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) throw new UnreadableXmlError(`the body is not well-formed XML: ${verdict.err.msg}`, verdict.err.line);
  const parsed = parser.parse(text) as Json;
  const roots = Object.entries(parsed);
  if (roots.length !== 1) throw new UnreadableXmlError('the body is not well-formed XML: it must have exactly one root element', undefined);
  const view = viewSchema(spec, schema, schemaPointer);
  const [root, content] = roots[0]!;
  // An XML serializer reads only the root element it expects; any other leaves the body unread.
  const expected = rootName(view);
  if (expected !== undefined && root !== expected) throw new UnreadableXmlError(`the body's root element is <${root}>, where <${expected}> is expected`, undefined);
  return fromXml({ spec, ignored }, content, view, { depth: 0, pointer: '' });
}

interface DecodeContext {
  spec: SpecIndex;
  ignored: IgnoredXmlElement[];
}

interface Position {
  depth: number;
  pointer: string;
  /** How the array at this position appears: wrapped (one element holding its items, named `itemName`) or repeated. */
  array?: { wrapped: boolean; itemName: string };
}

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** Whether an attribute is `xsi:nil="true"` (under any prefix bound to the XML Schema instance namespace; the usual one is `xsi`). */
const isNilAttribute = (name: string, value: unknown) => /^@_(?:[^:]+:)?nil$/.test(name) && String(value).trim() === 'true';

/**
 * An element's content with its attributes set aside: `null` for `xsi:nil="true"` (XmlSerializer's null), the text of
 * an element that had attributes and text, `''` for one that had only attributes.
 */
function withoutAttributes(node: unknown): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  const entries = Object.entries(node as Json);
  if (entries.some(([name, value]) => isNilAttribute(name, value))) return null;
  const children = entries.filter(([name]) => !name.startsWith(ATTRIBUTE));
  if (children.length === entries.length) return node;
  if (children.length === 0) return '';
  if (children.length === 1 && children[0]![0] === TEXT) return children[0]![1];
  const content: Json = {};
  for (const [name, value] of children) Object.defineProperty(content, name, { value, enumerable: true, writable: true, configurable: true });
  return content;
}

function fromXml(context: DecodeContext, raw: unknown, view: SchemaView, at: Position): unknown {
  const { spec } = context;
  const node = withoutAttributes(raw);
  if (at.depth > 64 || node === null) return node;
  if (view.types.includes('array')) {
    if (node === '' || node === undefined) return [];
    const itemView = viewSchema(spec, view.items?.schema ?? {}, view.items?.pointer);
    const next = { depth: at.depth + 1, pointer: at.pointer };
    // A wrapped array is one element holding an element per item (<Rows><Row/><Row/></Rows>); XmlSerializer reads only
    // the children named as its items and ignores the others. An unwrapped one is the items themselves, repeated in
    // its parent, which the parser gives as one value or a list.
    if (at.array?.wrapped === false || typeof node !== 'object' || Array.isArray(node)) {
      const items = Array.isArray(node) ? node : [node];
      return items.map((item, index) => fromXml(context, item, itemView, { ...next, pointer: `${at.pointer}/${index}` }));
    }
    const items: unknown[] = [];
    for (const [name, value] of Object.entries(node as Json)) {
      if (at.array !== undefined && name !== at.array.itemName) {
        context.ignored.push({ pointer: at.pointer, element: name, expected: at.array.itemName });
        continue;
      }
      items.push(...(Array.isArray(value) ? (value as unknown[]) : [value]));
    }
    return items.map((item, index) => fromXml(context, item, itemView, { ...next, pointer: `${at.pointer}/${index}` }));
  }
  if (view.types.includes('object') || view.properties.size > 0) {
    if (node === '') return {};
    if (typeof node !== 'object' || Array.isArray(node)) return node;
    const elements = new Map<string, { name: string; element: XmlElement }>();
    for (const [name, property] of view.properties) {
      const element = xmlElementOf(spec, name, property.schema, property.pointer);
      elements.set(element.name, { name, element });
    }
    const result: Json = {};
    for (const [key, value] of Object.entries(node as Json)) {
      const found = elements.get(key);
      const name = found?.name ?? key;
      const converted =
        found === undefined
          ? withoutAttributes(value)
          : fromXml(context, value, found.element.view, {
              depth: at.depth + 1,
              pointer: `${at.pointer}/${escapeToken(name)}`,
              array: { wrapped: found.element.wrapped, itemName: found.element.itemName },
            });
      Object.defineProperty(result, name, { value: converted, enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  if (typeof node !== 'string') return node;
  return fromXmlText(node, view);
}

function fromXmlText(text: string, view: SchemaView): unknown {
  const named = Object.entries(enumNames(view)).find(([, name]) => name === text);
  if (named !== undefined) return Number.isNaN(Number(named[0])) ? named[0] : Number(named[0]);
  if ((view.types.includes('integer') || view.types.includes('number')) && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (view.types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Serialises a JSON value as XML the way the schema's `xml` objects describe, with the root element named by the schema. */
export function encodeXml(spec: SpecIndex, value: unknown, schema: unknown, schemaPointer: string | undefined, rootFallback: string): string {
  const view = viewSchema(spec, schema, schemaPointer);
  const root = rootName(view) ?? rootFallback;
  const body = toXml(spec, value, view, 0);
  const element =
    typeof body === 'object' && body !== null ? { '@_xmlns:xsd': 'http://www.w3.org/2001/XMLSchema', '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', ...body } : body;
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: element })}`;
}

function toXml(spec: SpecIndex, value: unknown, view: SchemaView, depth: number): unknown {
  if (Array.isArray(value)) {
    const itemView = viewSchema(spec, view.items?.schema ?? {}, view.items?.pointer);
    const itemName = xmlName(asRecord(view.items?.schema), xmlName(itemView.schema, 'item'));
    return { [itemName]: value.map((item) => toXml(spec, item, itemView, depth + 1)) };
  }
  if (typeof value === 'object' && value !== null) {
    const additional = view.schema.additionalProperties;
    const result: Json = {};
    for (const [key, child] of Object.entries(value as Json)) {
      if (child === undefined) continue;
      const property = view.properties.get(key);
      // A key the schema does not declare (a map's, such as ModelState's field paths) may hold characters no element name can.
      const element =
        property === undefined
          ? xmlElementOf(
              spec,
              encodeLocalName(key),
              typeof additional === 'object' ? additional : {},
              view.pointer === undefined ? undefined : `${view.pointer}/additionalProperties`,
            )
          : xmlElementOf(spec, key, property.schema, property.pointer);
      if (depth > 64) result[element.name] = child;
      else if (Array.isArray(child) && !element.wrapped) {
        result[element.name] = child.map((item) => toXml(spec, item, element.itemView, depth + 1));
      } else if (Array.isArray(child)) {
        result[element.name] = { [element.itemName]: child.map((item) => toXml(spec, item, element.itemView, depth + 1)) };
      } else result[element.name] = toXml(spec, child, element.view, depth + 1);
    }
    return result;
  }
  const name = enumNames(view)[String(value)];
  return name ?? value;
}

/** How a property appears in XML, following OpenAPI's `xml` object. */
interface XmlElement {
  /** The element's name: for an unwrapped array, that of each item's element. */
  name: string;
  view: SchemaView;
  /** Whether an array is one element holding its items (`xml.wrapped: true`), not the items repeated (OpenAPI's default). */
  wrapped: boolean;
  itemName: string;
  itemView: SchemaView;
}

function xmlElementOf(spec: SpecIndex, key: string, schema: unknown, pointer: string | undefined): XmlElement {
  const view = viewSchema(spec, schema, pointer);
  const xml = { ...asRecord(view.schema.xml), ...asRecord(asRecord(schema).xml) };
  const name = typeof xml.name === 'string' ? xml.name : key;
  if (!view.types.includes('array')) return { name, view, wrapped: false, itemName: name, itemView: viewSchema(spec, {}) };
  const itemView = viewSchema(spec, view.items?.schema ?? {}, view.items?.pointer);
  const itemName = xmlName(asRecord(view.items?.schema), xmlName(itemView.schema, name));
  const wrapped = xml.wrapped === true;
  return { name: wrapped ? name : itemName, view, wrapped, itemName, itemView };
}

function asRecord(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}
