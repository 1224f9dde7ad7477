import type { SpecIndex } from '../spec/spec-index.js';

type Json = Record<string, unknown>;

/** OpenAPI's `discriminator`: which property names the alternative, and the names of `$ref`s that differ from their last segment. */
export interface Discriminator {
  propertyName: string;
  mapping: Record<string, string>;
}

/** One part's `additionalProperties`, with the names that part itself declares (the keyword only sees its own part's properties). */
export interface AdditionalRule {
  declared: Set<string>;
  patterns: string[];
  schema: unknown;
}

/**
 * Not `viewSchema` from `spec/`: that view merges the properties of `anyOf`/`oneOf` alternatives into one and drops
 * value constraints, which suits walking a schema but not producing one value that satisfies exactly one alternative.
 *
 * A schema with its `$ref`s followed and its `allOf` parts merged into one bag of constraints, so a generator
 * can read every rule that applies to one value in one place. Sub-schemas stay raw (lists of schemas that all apply).
 */
export interface FlatSchema {
  /** Allowed types (intersected over parts); `undefined` when no part names a type. */
  types: string[] | undefined;
  /** OpenAPI 3.0 `nullable: true`. */
  nullable: boolean;
  impossible: boolean;
  consts: unknown[];
  enums: unknown[][];
  minLength: number | undefined;
  maxLength: number | undefined;
  patterns: string[];
  formats: string[];
  minimum: number | undefined;
  maximum: number | undefined;
  exclusiveMinimum: number | undefined;
  exclusiveMaximum: number | undefined;
  multipleOf: number[];
  items: unknown[];
  prefixItems: unknown[] | undefined;
  contains: unknown[];
  minItems: number | undefined;
  maxItems: number | undefined;
  uniqueItems: boolean;
  properties: Map<string, unknown[]>;
  patternProperties: Array<{ pattern: string; schema: unknown }>;
  additional: AdditionalRule[];
  required: Set<string>;
  /** `dependentRequired` (and draft-07 `dependencies` with name lists): names that come with a name. */
  dependentRequired: Array<[string, string[]]>;
  minProperties: number | undefined;
  maxProperties: number | undefined;
  /** `unevaluatedProperties: false`: only declared properties may appear. */
  closed: boolean;
  /** `anyOf`/`oneOf` groups, each with the OpenAPI `discriminator` written beside it, if any. */
  choices: Array<{ kind: 'anyOf' | 'oneOf'; alternatives: unknown[]; discriminator?: Discriminator }>;
  conditions: Array<{ if: unknown; then: unknown; else: unknown }>;
  nots: unknown[];
  /** Descriptions of all parts, lower-cased: hints such as "ISO 3166-1 alpha-3". */
  hints: string;
}

/** An empty bag: no constraint at all. */
export function emptyFlatSchema(): FlatSchema {
  return {
    types: undefined,
    nullable: false,
    impossible: false,
    consts: [],
    enums: [],
    minLength: undefined,
    maxLength: undefined,
    patterns: [],
    formats: [],
    minimum: undefined,
    maximum: undefined,
    exclusiveMinimum: undefined,
    exclusiveMaximum: undefined,
    multipleOf: [],
    items: [],
    prefixItems: undefined,
    contains: [],
    minItems: undefined,
    maxItems: undefined,
    uniqueItems: false,
    properties: new Map(),
    patternProperties: [],
    additional: [],
    required: new Set(),
    dependentRequired: [],
    minProperties: undefined,
    maxProperties: undefined,
    closed: false,
    choices: [],
    conditions: [],
    nots: [],
    hints: '',
  };
}

/** A copy that can take more parts without changing the original. */
export function cloneFlatSchema(flat: FlatSchema): FlatSchema {
  return {
    ...flat,
    types: flat.types === undefined ? undefined : [...flat.types],
    consts: [...flat.consts],
    enums: [...flat.enums],
    patterns: [...flat.patterns],
    formats: [...flat.formats],
    multipleOf: [...flat.multipleOf],
    items: [...flat.items],
    contains: [...flat.contains],
    properties: new Map([...flat.properties].map(([name, list]) => [name, [...list]])),
    patternProperties: [...flat.patternProperties],
    additional: [...flat.additional],
    required: new Set(flat.required),
    dependentRequired: [...flat.dependentRequired],
    choices: [...flat.choices],
    conditions: [...flat.conditions],
    nots: [...flat.nots],
  };
}

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const tighterMin = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
const tighterMax = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

/** Folds a schema (following local `$ref`s, merging `allOf`) into `flat`; `refs` guards against `$ref` cycles through `allOf`. */
export function absorbSchema(spec: SpecIndex, flat: FlatSchema, schema: unknown, refs: ReadonlySet<string> = new Set()): FlatSchema {
  if (schema === false) flat.impossible = true;
  if (!isRecord(schema)) return flat;
  // 2020-12 applies `$ref` beside its siblings, so the target is absorbed and then the siblings too.
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#') && !refs.has(schema.$ref)) {
    absorbSchema(spec, flat, spec.at(schema.$ref), new Set([...refs, schema.$ref]));
  }
  absorbTypes(flat, schema);
  if ('const' in schema) flat.consts.push(schema.const);
  if (Array.isArray(schema.enum)) flat.enums.push(schema.enum);
  absorbNumbers(flat, schema);
  flat.minLength = tighterMin(flat.minLength, num(schema.minLength));
  flat.maxLength = tighterMax(flat.maxLength, num(schema.maxLength));
  if (typeof schema.pattern === 'string') flat.patterns.push(schema.pattern);
  if (typeof schema.format === 'string') flat.formats.push(schema.format);
  absorbArrays(flat, schema);
  absorbObjects(flat, schema);
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf) absorbSchema(spec, flat, part, refs);
  for (const kind of ['anyOf', 'oneOf'] as const) {
    const alternatives = schema[kind];
    if (Array.isArray(alternatives) && alternatives.length > 0) flat.choices.push({ kind, alternatives, discriminator: readDiscriminator(schema.discriminator) });
  }
  if ('if' in schema && ('then' in schema || 'else' in schema)) flat.conditions.push({ if: schema.if, then: schema.then, else: schema.else });
  if ('not' in schema) flat.nots.push(schema.not);
  if (typeof schema.description === 'string') flat.hints += ` ${schema.description.toLowerCase()}`;
  return flat;
}

/** Flattens one schema into a fresh bag. */
export function flattenSchema(spec: SpecIndex, schema: unknown): FlatSchema {
  return absorbSchema(spec, emptyFlatSchema(), schema);
}

function absorbTypes(flat: FlatSchema, schema: Json): void {
  const listed = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : undefined;
  if (schema.nullable === true) flat.nullable = true;
  if (listed === undefined) return;
  // `integer` is a kind of `number`: intersecting the two leaves `integer`.
  const allows = (types: string[], t: string) => types.includes(t) || (t === 'integer' && types.includes('number'));
  if (flat.types === undefined) flat.types = listed;
  else {
    const before = flat.types;
    flat.types = [...before.filter((t) => allows(listed, t)), ...listed.filter((t) => t === 'integer' && !before.includes(t) && allows(before, t))];
  }
  if (flat.types.length === 0) flat.impossible = true;
}

function absorbNumbers(flat: FlatSchema, schema: Json): void {
  // OpenAPI 3.0 writes `exclusiveMinimum: true` beside `minimum`; 2020-12 gives the bound itself.
  if (schema.exclusiveMinimum === true) flat.exclusiveMinimum = tighterMin(flat.exclusiveMinimum, num(schema.minimum));
  else flat.minimum = tighterMin(flat.minimum, num(schema.minimum));
  if (schema.exclusiveMaximum === true) flat.exclusiveMaximum = tighterMax(flat.exclusiveMaximum, num(schema.maximum));
  else flat.maximum = tighterMax(flat.maximum, num(schema.maximum));
  flat.exclusiveMinimum = tighterMin(flat.exclusiveMinimum, num(schema.exclusiveMinimum));
  flat.exclusiveMaximum = tighterMax(flat.exclusiveMaximum, num(schema.exclusiveMaximum));
  const multipleOf = num(schema.multipleOf);
  if (multipleOf !== undefined && multipleOf > 0) flat.multipleOf.push(multipleOf);
}

function absorbArrays(flat: FlatSchema, schema: Json): void {
  if (Array.isArray(schema.prefixItems)) flat.prefixItems ??= schema.prefixItems;
  // Draft-07 tuple form `items: [...]`; OpenAPI 3.0 forbids it but a hand-written schema may still use it.
  if (Array.isArray(schema.items)) flat.prefixItems ??= schema.items;
  else if (schema.items !== undefined) flat.items.push(schema.items);
  if ('contains' in schema) flat.contains.push(schema.contains);
  flat.minItems = tighterMin(flat.minItems, num(schema.minItems));
  flat.maxItems = tighterMax(flat.maxItems, num(schema.maxItems));
  if (schema.uniqueItems === true) flat.uniqueItems = true;
}

function absorbObjects(flat: FlatSchema, schema: Json): void {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const [name, property] of Object.entries(properties)) {
    const list = flat.properties.get(name);
    if (list === undefined) flat.properties.set(name, [property]);
    else list.push(property);
  }
  const patternProperties = isRecord(schema.patternProperties) ? schema.patternProperties : {};
  for (const [pattern, property] of Object.entries(patternProperties)) flat.patternProperties.push({ pattern, schema: property });
  if ('additionalProperties' in schema && schema.additionalProperties !== true) {
    flat.additional.push({ declared: new Set(Object.keys(properties)), patterns: Object.keys(patternProperties), schema: schema.additionalProperties });
  }
  if (Array.isArray(schema.required)) for (const name of schema.required) if (typeof name === 'string') flat.required.add(name);
  for (const keyword of ['dependentRequired', 'dependencies'] as const) {
    const map = isRecord(schema[keyword]) ? schema[keyword] : {};
    for (const [name, names] of Object.entries(map)) {
      if (Array.isArray(names)) flat.dependentRequired.push([name, names.filter((n): n is string => typeof n === 'string')]);
    }
  }
  flat.minProperties = tighterMin(flat.minProperties, num(schema.minProperties));
  flat.maxProperties = tighterMax(flat.maxProperties, num(schema.maxProperties));
  if (schema.unevaluatedProperties === false) flat.closed = true;
}

function readDiscriminator(value: unknown): Discriminator | undefined {
  if (!isRecord(value) || typeof value.propertyName !== 'string') return undefined;
  const mapping = Object.fromEntries(Object.entries(isRecord(value.mapping) ? value.mapping : {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return { propertyName: value.propertyName, mapping };
}
