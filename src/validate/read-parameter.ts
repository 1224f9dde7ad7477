import type { ParameterSpec } from '../core/operation.js';
import { viewSchema, type SchemaView } from '../spec/resolve-schema.js';
import type { SpecIndex } from '../spec/spec-index.js';

/** Where a request's parameters arrive, still as the strings the client sent. */
export interface RawParameters {
  path: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
}

/**
 * A parameter's value, typed as its schema asks and serialised by OpenAPI's style/explode rules
 * (arrays and objects in `form`, `simple`, `spaceDelimited`, `pipeDelimited` and `deepObject` style),
 * or `undefined` when the request does not carry it. Values that do not fit their type stay strings,
 * so that validation reports them with the value the client sent.
 */
export function readParameter(spec: SpecIndex, parameter: ParameterSpec, raw: RawParameters): unknown {
  const view = viewSchema(spec, parameter.schema ?? {}, parameter.schemaPointer);
  const style = parameter.style ?? (parameter.in === 'query' || parameter.in === 'cookie' ? 'form' : 'simple');
  // OpenAPI: `explode` defaults to true for the form style only.
  const explode = parameter.explode ?? style === 'form';
  const isObject = view.types.includes('object') && !view.types.includes('array');

  if (parameter.in === 'query' && isObject && style === 'deepObject') return readDeepObject(spec, parameter.name, view, raw.query);
  if (parameter.in === 'query' && isObject && explode) return readExplodedFormObject(spec, view, raw.query);

  const strings = rawStrings(parameter, raw);
  if (strings.length === 0) return undefined;
  if (isObject) return readDelimitedObject(spec, view, strings[strings.length - 1]!, explode);
  if (view.types.includes('array')) {
    const itemTypes = viewSchema(spec, view.items?.schema ?? {}, view.items?.pointer).types;
    const separator = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
    const values = explode && parameter.in === 'query' ? strings : strings.flatMap((value) => value.split(separator));
    return values.map((value) => coerceScalar(value, itemTypes));
  }
  return coerceScalar(strings[strings.length - 1]!, view.types);
}

function rawStrings(parameter: ParameterSpec, raw: RawParameters): string[] {
  if (parameter.in === 'query') return raw.query.getAll(parameter.name);
  const value = parameter.in === 'path' ? raw.path[parameter.name] : parameter.in === 'header' ? raw.headers[parameter.name] : undefined;
  return value === undefined ? [] : [value];
}

/** `filter[status]=OPEN&filter[total]=5` → `{ status: 'OPEN', total: 5 }`. */
function readDeepObject(spec: SpecIndex, name: string, view: SchemaView, query: URLSearchParams): Record<string, unknown> | undefined {
  const entries: Array<[string, string]> = [];
  for (const [key, value] of query) {
    if (key.length > name.length + 2 && key.startsWith(`${name}[`) && key.endsWith(']')) entries.push([key.slice(name.length + 1, -1), value]);
  }
  return entries.length === 0 ? undefined : toObject(spec, view, entries);
}

/** An exploded form object: each of the schema's properties is a query key of its own (`status=OPEN&total=5`). */
function readExplodedFormObject(spec: SpecIndex, view: SchemaView, query: URLSearchParams): Record<string, unknown> | undefined {
  const entries: Array<[string, string]> = [];
  for (const property of view.properties.keys()) for (const value of query.getAll(property)) entries.push([property, value]);
  return entries.length === 0 ? undefined : toObject(spec, view, entries);
}

/** `status,OPEN,total,5` (not exploded) or `status=OPEN,total=5` (exploded, simple style). */
function readDelimitedObject(spec: SpecIndex, view: SchemaView, value: string, explode: boolean): Record<string, unknown> {
  const parts = value.split(',');
  const entries: Array<[string, string]> = [];
  if (explode) {
    for (const part of parts) {
      const at = part.indexOf('=');
      entries.push(at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)]);
    }
  } else {
    for (let i = 0; i < parts.length; i += 2) entries.push([parts[i]!, parts[i + 1] ?? '']);
  }
  return toObject(spec, view, entries);
}

/** Types each property's strings by its own schema; a key that repeats becomes an array when its schema is one. */
function toObject(spec: SpecIndex, view: SchemaView, entries: Array<[string, string]>): Record<string, unknown> {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of entries) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  const result: Record<string, unknown> = {};
  for (const [key, values] of grouped) {
    const property = view.properties.get(key);
    const propertyView = viewSchema(spec, property?.schema ?? {}, property?.pointer);
    let value: unknown;
    if (propertyView.types.includes('array')) {
      const itemTypes = viewSchema(spec, propertyView.items?.schema ?? {}, propertyView.items?.pointer).types;
      value = values.flatMap((v) => v.split(',')).map((v) => coerceScalar(v, itemTypes));
    } else {
      value = coerceScalar(values[values.length - 1]!, propertyView.types);
    }
    // A key such as `__proto__` becomes an own property, never the object's prototype.
    Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function coerceScalar(value: string, types: string[]): unknown {
  if (types.includes('string') || types.length === 0) return value;
  // An integer is written in digits only: `10000.0` or `1e4` stays text and is reported as not an integer.
  if (types.includes('number') && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) return Number(value);
  if (types.includes('integer') && /^-?\d+$/.test(value)) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if (types.includes('null') && value === '') return null;
  return value;
}
