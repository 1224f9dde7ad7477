import type { FakeChild, FakeContext } from './fake-context.js';
import type { FlatSchema } from './flatten-schema.js';
import { samplePattern } from './sample-pattern.js';
import { testPattern } from './test-pattern.js';

/** Share of optional properties included: most of them, so faked bodies show the fields a client may meet. */
const OPTIONAL_PROBABILITY = 0.8;

/** An object with every required property, most optional ones, and only names that `additionalProperties` allows. */
export function fakeObject(flat: FlatSchema, context: FakeContext, fakeChild: FakeChild): Record<string, unknown> {
  const { faker } = context;
  const shallow = context.depth >= context.maxDepth;
  const result: Record<string, unknown> = {};
  const count = () => Object.keys(result).length;
  const add = (name: string) => {
    result[name] = fakeChild(propertySchema(flat, name), { ...context, depth: context.depth + 1, propertyName: name });
  };
  const skipped: string[] = [];
  const names = [...new Set([...flat.properties.keys(), ...flat.required])];
  for (const name of names) {
    if (flat.required.has(name)) {
      add(name);
      continue;
    }
    const forbidden = flat.properties.get(name)?.includes(false) === true || !allowedName(flat, name);
    if (forbidden || shallow) continue;
    // The coin is tossed for every optional property, kept or not, so one more property in a schema shifts little.
    const wanted = faker.datatype.boolean({ probability: OPTIONAL_PROBABILITY });
    if (wanted && (flat.maxProperties === undefined || count() < flat.maxProperties)) add(name);
    else skipped.push(name);
  }
  // Names that come with a present name (`dependentRequired`), until nothing more is pulled in.
  for (let round = 0; round < 4; round += 1) {
    const missing = flat.dependentRequired
      .filter(([name]) => Object.hasOwn(result, name))
      .flatMap(([, names]) => names)
      .filter((name) => !Object.hasOwn(result, name));
    if (missing.length === 0) break;
    for (const name of new Set(missing)) add(name);
  }
  for (const name of skipped) {
    if (count() >= (flat.minProperties ?? 0)) break;
    add(name);
  }
  // A map (`additionalProperties: {schema}` or only `patternProperties`): a few entries, as a real payload would have.
  const open = flat.properties.size === 0 && !flat.closed && !flat.additional.some((rule) => rule.schema === false);
  const mapLike = open && (flat.patternProperties.length > 0 || flat.additional.some((rule) => typeof rule.schema === 'object'));
  const wantedEntries = Math.max(flat.minProperties ?? 0, mapLike && !shallow ? faker.number.int({ min: 1, max: 2 }) : 0);
  for (let attempt = 0; count() < wantedEntries && attempt < wantedEntries * 5; attempt += 1) {
    if (!open && flat.patternProperties.length === 0) break;
    const name = extraName(context, flat);
    if (name !== undefined && !Object.hasOwn(result, name)) add(name);
  }
  return result;
}

/** Whether every part's `additionalProperties: false` (and `unevaluatedProperties: false`) admits the name. */
function allowedName(flat: FlatSchema, name: string): boolean {
  if (flat.closed && !flat.properties.has(name) && !flat.patternProperties.some((p) => testPattern(p.pattern, name))) return false;
  return flat.additional.every((rule) => rule.schema !== false || rule.declared.has(name) || rule.patterns.some((p) => testPattern(p, name)));
}

/** Every schema that applies to one property: its declarations, matching `patternProperties`, and `additionalProperties` where it is not declared. */
function propertySchema(flat: FlatSchema, name: string): unknown {
  const schemas = [...(flat.properties.get(name) ?? [])];
  for (const { pattern, schema } of flat.patternProperties) if (testPattern(pattern, name)) schemas.push(schema);
  for (const rule of flat.additional) {
    if (!rule.declared.has(name) && !rule.patterns.some((p) => testPattern(p, name)) && typeof rule.schema === 'object') schemas.push(rule.schema);
  }
  return schemas.length === 0 ? {} : schemas.length === 1 ? schemas[0] : { allOf: schemas };
}

/** A new property name: drawn from a `patternProperties` pattern when there is one, else a word. */
function extraName(context: FakeContext, flat: FlatSchema): string | undefined {
  const pattern = flat.patternProperties[0]?.pattern;
  if (pattern === undefined) return context.faker.lorem.word();
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const name = samplePattern(context.faker, pattern);
    if (testPattern(pattern, name)) return name;
  }
  return undefined;
}
