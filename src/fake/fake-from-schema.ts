import type { Faker } from '@faker-js/faker';
import type { SchemaMatcher } from '../core/schema-matcher.js';
import { fakeArray } from './fake-array.js';
import type { FakeContext } from './fake-context.js';
import { fakeNumber } from './fake-number.js';
import { fakeObject } from './fake-object.js';
import { fakeString } from './fake-string.js';
import { absorbSchema, cloneFlatSchema, flattenSchema, type Discriminator, type FlatSchema } from './flatten-schema.js';
import { isDeepEqual } from './is-deep-equal.js';
import type { SpecIndex } from '../spec/spec-index.js';

/** Options of `fakeFromSchema`. */
export interface FakeOptions {
  /** A seeded instance (`createSeededFaker`); the same seed and calls give the same values. */
  faker: Faker;
  /** Checks a value against a schema of `spec` (`createSchemaMatcher` in `validate/`): decides `oneOf`, `if` and retries. */
  matches: SchemaMatcher;
  /** Pointer of the schema in `spec` (`#/components/schemas/X`); the schema is read from there when `schema` is `undefined`. */
  pointer?: string;
  /** Name of the property the value is for, to pick realistic data (`email`, `countryCode`, ...). */
  propertyName?: string;
  /** Nesting of objects and arrays below which only required properties and `minItems` items are faked (default 8). */
  maxDepth?: number;
}

/** Retries of a whole call: enough for patterns, `oneOf` and `if`/`then`, bounded for schemas nothing satisfies. */
const RETRY_BUDGET = 200;
const ATTEMPTS_PER_SCHEMA = 5;
/** Times a broken `if`/`then`/`else` is folded in and the value faked again (several conditions may interact). */
const CONDITION_ROUNDS = 3;
/** Past `maxDepth` only required properties are faked; a required cycle still has to stop somewhere. */
const DEPTH_SLACK = 8;

/**
 * Fakes a value that validates against a schema of an OpenAPI 3.0/3.1 document, deterministic for a seeded faker.
 * @example fakeFromSchema(spec, { $ref: '#/components/schemas/WriteApproval' }, { faker: createSeededFaker(1) })
 */
export function fakeFromSchema(spec: SpecIndex, schema: unknown, options: FakeOptions): unknown {
  const root = schema === undefined && options.pointer !== undefined ? spec.at(options.pointer) : schema;
  const context: FakeContext = {
    spec,
    faker: options.faker,
    matches: options.matches,
    maxDepth: options.maxDepth ?? 8,
    depth: 0,
    propertyName: options.propertyName,
    budget: { retries: RETRY_BUDGET },
  };
  return fakeValue(root, context);
}

/** Fakes, then checks the value against the whole schema (`not`, patterns, `oneOf`) and draws again while the budget lasts. */
function fakeValue(schema: unknown, context: FakeContext): unknown {
  if (context.depth > context.maxDepth + DEPTH_SLACK) return null;
  const flat = flattenSchema(context.spec, schema);
  let value = fakeFlat(flat, context, CONDITION_ROUNDS);
  for (let attempt = 1; attempt < ATTEMPTS_PER_SCHEMA && context.budget.retries > 0 && !context.matches(schema, value); attempt += 1) {
    context.budget.retries -= 1;
    value = fakeFlat(flat, context, CONDITION_ROUNDS);
  }
  return value;
}

/** Resolves `anyOf`/`oneOf` choices, fakes the value, then makes `if`/`then`/`else` hold (at most `rounds` times). */
function fakeFlat(flat: FlatSchema, context: FakeContext, rounds: number): unknown {
  if (flat.choices.length > 0) return fakeChoice(flat, context, rounds);
  const value = fakeBase(flat, context);
  if (rounds === 0) return value;
  const { spec } = context;
  const broken = flat.conditions.find((c) => {
    const branch = context.matches(c.if, value) ? c.then : c.else;
    return branch !== undefined && !context.matches(branch, value);
  });
  if (broken === undefined) return value;
  // Fake again with the branch folded in; for `then` the `if` too, so that the branch still applies to the new value.
  const next = cloneFlatSchema(flat);
  if (context.matches(broken.if, value)) {
    absorbSchema(spec, next, broken.if);
    absorbSchema(spec, next, broken.then);
  } else {
    absorbSchema(spec, next, broken.else);
    next.nots.push(broken.if);
  }
  return fakeFlat(next, context, rounds - 1);
}

/** Takes the first alternative that yields a matching value; for `oneOf`, one that matches no other alternative. */
function fakeChoice(flat: FlatSchema, context: FakeContext, rounds: number): unknown {
  const { spec } = context;
  const [group, ...rest] = flat.choices;
  const base = cloneFlatSchema(flat);
  base.choices = rest;
  // Prefer a value to `null`: null-only alternatives go last.
  const isNull = (alternative: unknown) => {
    const f = flattenSchema(spec, alternative);
    return (f.types?.length === 1 && f.types[0] === 'null') || (f.consts.length > 0 && f.consts[0] === null);
  };
  const order = group!.alternatives.map((alternative, index) => ({ alternative, index })).sort((a, b) => Number(isNull(a.alternative)) - Number(isNull(b.alternative)));
  let last: unknown = null;
  for (const { alternative, index } of order) {
    const merged = absorbSchema(spec, cloneFlatSchema(base), alternative);
    if (merged.impossible) continue;
    nameAlternative(spec, merged, group!.discriminator, alternative);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      last = fakeFlat(merged, context, rounds);
      if (!context.matches(alternative, last)) continue;
      if (group!.kind === 'oneOf' && group!.alternatives.some((other, j) => j !== index && context.matches(other, last))) continue;
      return last;
    }
  }
  return last;
}

/**
 * Writes the discriminator value that names the chosen `$ref` alternative (its mapping key, else the schema name),
 * unless the alternative pins that property to other values with `const`/`enum`.
 */
function nameAlternative(spec: SpecIndex, flat: FlatSchema, discriminator: Discriminator | undefined, alternative: unknown): void {
  const ref = (alternative as { $ref?: unknown } | null)?.$ref;
  if (discriminator === undefined || typeof ref !== 'string') return;
  const name = Object.entries(discriminator.mapping).find(([, target]) => target === ref)?.[0] ?? ref.slice(ref.lastIndexOf('/') + 1);
  const own = flat.properties.get(discriminator.propertyName) ?? [];
  const pinned = flattenSchema(spec, { allOf: own });
  if (pinned.consts.length > 0 || pinned.enums.some((members) => !members.includes(name))) return;
  flat.properties.set(discriminator.propertyName, [...own, { const: name }]);
}

/** Fakes a value for the flattened constraints: `const`, `enum`, then by type. */
function fakeBase(flat: FlatSchema, context: FakeContext): unknown {
  const { faker } = context;
  if (flat.consts.length > 0) return flat.consts[0];
  if (flat.enums.length > 0) {
    const members = flat.enums[0]!.filter((m) => flat.enums.every((list) => list.some((other) => isDeepEqual(other, m))) && allowsType(flat, m));
    const nonNull = members.filter((m) => m !== null);
    const pool = nonNull.length > 0 ? nonNull : members.length > 0 ? members : flat.enums[0]!;
    return pool.length === 0 ? null : faker.helpers.arrayElement(pool);
  }
  const child = (schema: unknown, childContext: FakeContext) => fakeValue(schema, childContext);
  switch (chooseType(flat)) {
    case 'null':
      return null;
    case 'boolean':
      return faker.datatype.boolean();
    case 'integer':
      return fakeNumber(faker, flat, true, context.propertyName);
    case 'number':
      return fakeNumber(faker, flat, false, context.propertyName);
    case 'array':
      return fakeArray(flat, context, child);
    case 'object':
      return fakeObject(flat, context, child);
    default:
      return fakeString(faker, flat, context.propertyName, context.matches);
  }
}

/** Whether a value has a JSON Schema type (`integer` for whole numbers); an unknown type name allows anything. */
function isOfJsonType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

function allowsType(flat: FlatSchema, value: unknown): boolean {
  if (flat.types === undefined || (value === null && flat.nullable)) return true;
  return flat.types.some((type) => isOfJsonType(type, value));
}

/** The first non-null type; among several, one the schema's keywords describe, else a scalar (an "any" reads best as text). */
function chooseType(flat: FlatSchema): string {
  const listed = flat.types ?? inferTypes(flat);
  const nonNull = listed.filter((t) => t !== 'null');
  if (nonNull.length === 0) return listed.includes('null') ? 'null' : 'string';
  if (nonNull.length === 1) return nonNull[0]!;
  const described = inferTypes(flat).find((t) => nonNull.includes(t));
  return described ?? nonNull.find((t) => t !== 'object' && t !== 'array') ?? nonNull[0]!;
}

/** Types implied by keywords when the schema names none (`properties` → object, `pattern` → string, ...). */
function inferTypes(flat: FlatSchema): string[] {
  const types: string[] = [];
  if (flat.properties.size > 0 || flat.required.size > 0 || flat.patternProperties.length > 0 || flat.additional.length > 0 || flat.minProperties !== undefined)
    types.push('object');
  if (flat.items.length > 0 || flat.prefixItems !== undefined || flat.contains.length > 0 || flat.minItems !== undefined || flat.maxItems !== undefined) types.push('array');
  if (flat.formats.some((f) => f === 'int32' || f === 'int64')) types.push('integer');
  if (flat.formats.some((f) => f === 'float' || f === 'double')) types.push('number');
  const textFormat = flat.formats.some((f) => !['int32', 'int64', 'float', 'double'].includes(f));
  if (flat.minLength !== undefined || flat.maxLength !== undefined || flat.patterns.length > 0 || textFormat) types.push('string');
  if (flat.minimum !== undefined || flat.maximum !== undefined || flat.exclusiveMinimum !== undefined || flat.exclusiveMaximum !== undefined || flat.multipleOf.length > 0)
    types.push('number');
  return types.length > 0 ? types : ['string'];
}
