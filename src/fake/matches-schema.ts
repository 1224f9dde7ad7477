import { getAtPointer } from '../spec/json-pointer.js';
import { isDeepEqual } from './is-deep-equal.js';
import { matchesFormat } from './matches-format.js';
import { testPattern } from './test-pattern.js';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The JSON type name of a value as JSON Schema sees it (`integer` for whole numbers). */
function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'boolean': return typeof value === 'boolean';
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'array': return Array.isArray(value);
    case 'object': return isRecord(value);
    default: return true;
  }
}

/**
 * Whether a value satisfies a schema (JSON Schema 2020-12 as OpenAPI 3.1 uses it, plus 3.0 `nullable`).
 * The faker's own check, so that it can decide `if`/`then` and `oneOf` without ajv (which lives in `validate/` only);
 * it skips what a generator never needs to decide on (`unevaluated*`, `dependent*`, dynamic refs).
 */
export function matchesSchema(doc: unknown, schema: unknown, value: unknown, hops = 0): boolean {
  if (schema === false) return false;
  if (!isRecord(schema)) return true;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) {
    // A `$ref` cycle that consumes no data would never end; past this many hops the branch counts as satisfied.
    if (hops < 64 && !matchesSchema(doc, getAtPointer(doc, schema.$ref), value, hops + 1)) return false;
  }
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? (schema.type as string[]) : undefined;
  if (types !== undefined && !types.some((t) => typeMatches(t, value)) && !(schema.nullable === true && value === null)) return false;
  if ('const' in schema && !isDeepEqual(schema.const, value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((member) => isDeepEqual(member, value))) return false;
  if (typeof value === 'number' && !matchesNumber(schema, value)) return false;
  if (typeof value === 'string' && !matchesString(schema, value)) return false;
  if (Array.isArray(value) && !matchesArray(doc, schema, value, hops)) return false;
  if (isRecord(value) && !matchesObject(doc, schema, value, hops)) return false;
  if (Array.isArray(schema.allOf) && !schema.allOf.every((part) => matchesSchema(doc, part, value, hops))) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((part) => matchesSchema(doc, part, value, hops))) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((part) => matchesSchema(doc, part, value, hops)).length !== 1) return false;
  if ('not' in schema && matchesSchema(doc, schema.not, value, hops)) return false;
  if ('if' in schema) {
    const branch = matchesSchema(doc, schema.if, value, hops) ? schema.then : schema.else;
    if (branch !== undefined && !matchesSchema(doc, branch, value, hops)) return false;
  }
  return true;
}

function matchesNumber(schema: Json, value: number): boolean {
  const minimum = num(schema.minimum);
  const maximum = num(schema.maximum);
  // 3.0 boolean exclusives turn `minimum`/`maximum` exclusive; 2020-12 numeric exclusives stand alone.
  if (minimum !== undefined && (schema.exclusiveMinimum === true ? value <= minimum : value < minimum)) return false;
  if (maximum !== undefined && (schema.exclusiveMaximum === true ? value >= maximum : value > maximum)) return false;
  const exclusiveMinimum = num(schema.exclusiveMinimum);
  const exclusiveMaximum = num(schema.exclusiveMaximum);
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) return false;
  if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) return false;
  const multipleOf = num(schema.multipleOf);
  // ajv's own test: the quotient must be a whole number, without tolerance.
  if (multipleOf !== undefined && multipleOf > 0 && value / multipleOf !== Math.trunc(value / multipleOf)) return false;
  if (typeof schema.format === 'string' && !matchesFormat(schema.format, value)) return false;
  return true;
}

function matchesString(schema: Json, value: string): boolean {
  const length = [...value].length;
  const minLength = num(schema.minLength);
  const maxLength = num(schema.maxLength);
  if (minLength !== undefined && length < minLength) return false;
  if (maxLength !== undefined && length > maxLength) return false;
  if (typeof schema.pattern === 'string' && !testPattern(schema.pattern, value)) return false;
  if (typeof schema.format === 'string' && !matchesFormat(schema.format, value)) return false;
  return true;
}

function matchesArray(doc: unknown, schema: Json, value: unknown[], hops: number): boolean {
  const minItems = num(schema.minItems);
  const maxItems = num(schema.maxItems);
  if (minItems !== undefined && value.length < minItems) return false;
  if (maxItems !== undefined && value.length > maxItems) return false;
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : [];
  for (const [index, item] of value.entries()) {
    const itemSchema = index < prefix.length ? prefix[index] : Array.isArray(schema.items) ? schema.additionalItems : schema.items;
    if (itemSchema !== undefined && !matchesSchema(doc, itemSchema, item, hops)) return false;
  }
  if (schema.uniqueItems === true && value.some((item, index) => value.findIndex((other) => isDeepEqual(other, item)) !== index)) return false;
  if ('contains' in schema) {
    const count = value.filter((item) => matchesSchema(doc, schema.contains, item, hops)).length;
    if (count < (num(schema.minContains) ?? 1) || count > (num(schema.maxContains) ?? Infinity)) return false;
  }
  return true;
}

function matchesObject(doc: unknown, schema: Json, value: Json, hops: number): boolean {
  const names = Object.keys(value);
  if (Array.isArray(schema.required) && !schema.required.every((name) => typeof name !== 'string' || Object.hasOwn(value, name))) return false;
  for (const keyword of ['dependentRequired', 'dependencies'] as const) {
    const map = isRecord(schema[keyword]) ? schema[keyword] : {};
    for (const [name, names] of Object.entries(map)) {
      if (Object.hasOwn(value, name) && Array.isArray(names) && !names.every((n) => typeof n !== 'string' || Object.hasOwn(value, n))) return false;
    }
  }
  const minProperties = num(schema.minProperties);
  const maxProperties = num(schema.maxProperties);
  if (minProperties !== undefined && names.length < minProperties) return false;
  if (maxProperties !== undefined && names.length > maxProperties) return false;
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const patternProperties = isRecord(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
  for (const name of names) {
    let evaluated = false;
    if (Object.hasOwn(properties, name)) {
      evaluated = true;
      if (!matchesSchema(doc, properties[name], value[name], hops)) return false;
    }
    for (const [pattern, property] of patternProperties) {
      if (!testPattern(pattern, name)) continue;
      evaluated = true;
      if (!matchesSchema(doc, property, value[name], hops)) return false;
    }
    if (!evaluated && 'additionalProperties' in schema && !matchesSchema(doc, schema.additionalProperties, value[name], hops)) return false;
    if ('propertyNames' in schema && !matchesSchema(doc, schema.propertyNames, name, hops)) return false;
  }
  return true;
}
