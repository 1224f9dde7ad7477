import { viewSchema, type SchemaView } from '../spec/resolve-schema.js';
import type { SpecIndex } from '../spec/spec-index.js';

type Json = Record<string, unknown>;

/** A JSON number as text, the only kind of string Json.NET and System.Text.Json (`AllowReadingFromString`) read as a number. */
const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A parsed JSON body as an ASP.NET model binder reads it into its schema's model: a property named in another letter
 * case (`companyId`) takes the declared name (`CompanyId`), and a number sent as a string (`"5"`) where the schema wants
 * a number becomes that number. What does not bind stays as sent, so validation still names it.
 */
export function bindJsonBody(spec: SpecIndex, value: unknown, schema: unknown, schemaPointer?: string): unknown {
  return bind(spec, value, viewSchema(spec, schema, schemaPointer), 0);
}

function bind(spec: SpecIndex, value: unknown, view: SchemaView, depth: number): unknown {
  if (depth > 64) return value;
  if (Array.isArray(value)) {
    const items = view.items;
    return items === undefined ? value : value.map((item) => bind(spec, item, viewSchema(spec, items.schema, items.pointer), depth + 1));
  }
  if (isObject(value)) {
    if (view.properties.size === 0) return value;
    const byFolded = new Map([...view.properties.keys()].map((name) => [name.toLowerCase(), name]));
    const bound: Json = {};
    for (const [key, child] of Object.entries(value)) {
      const name = view.properties.has(key) ? key : (byFolded.get(key.toLowerCase()) ?? key);
      // The declared spelling wins when a body carries both (`CompanyId` and `companyId`).
      if (name !== key && Object.hasOwn(value, name)) {
        Object.defineProperty(bound, key, { value: child, enumerable: true, writable: true, configurable: true });
        continue;
      }
      const property = view.properties.get(name);
      const converted = property === undefined ? child : bind(spec, child, viewSchema(spec, property.schema, property.pointer), depth + 1);
      Object.defineProperty(bound, name, { value: converted, enumerable: true, writable: true, configurable: true });
    }
    return bound;
  }
  const wantsNumber = (view.types.includes('integer') || view.types.includes('number')) && !view.types.includes('string');
  return wantsNumber && typeof value === 'string' && NUMBER_TEXT.test(value) ? Number(value) : value;
}
