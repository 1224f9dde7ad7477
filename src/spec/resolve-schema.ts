import type { SpecIndex } from './spec-index.js';

type Json = Record<string, unknown>;

/** A schema seen through its `$ref`s and compositions: what a walker (XML codec, faker, pointer lookup) needs. */
export interface SchemaView {
  /** The schema object itself after following `$ref`s. */
  schema: Json;
  /** Pointer (`#/...`) of that schema in the document, when known. */
  pointer: string | undefined;
  types: string[];
  /** Properties merged over `allOf`, `anyOf` and `oneOf` parts, with the pointer of each. */
  properties: Map<string, { schema: unknown; pointer: string | undefined }>;
  required: Set<string>;
  items: { schema: unknown; pointer: string | undefined } | undefined;
}

const asRecord = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

/** Follows local `$ref`s of a schema; returns the target and its pointer. Cycles stop after a fixed depth. */
export function followRef(spec: SpecIndex, schema: unknown, pointer: string | undefined): { schema: Json; pointer: string | undefined } {
  let current = asRecord(schema);
  let at = pointer;
  for (let hops = 0; hops < 32 && typeof current.$ref === 'string'; hops += 1) {
    const ref = current.$ref;
    if (!ref.startsWith('#')) break;
    at = ref;
    current = asRecord(spec.at(ref));
  }
  return { schema: current, pointer: at };
}

const child = (pointer: string | undefined, ...tokens: Array<string | number>) =>
  pointer === undefined ? undefined : `${pointer}/${tokens.map((t) => String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/** Views already built, by schema object and pointer: spec documents are not changed once loaded, so a view never goes stale. */
const builtViews = new WeakMap<object, Map<string | undefined, SchemaView>>();

/**
 * Builds a `SchemaView`, merging composition parts so callers can walk properties without caring how the schema was
 * composed. A view is built once per schema and pointer (the request walks run per request); callers must not change it.
 */
export function viewSchema(spec: SpecIndex, schema: unknown, pointer?: string): SchemaView {
  if (typeof schema !== 'object' || schema === null) return buildView(spec, schema, pointer, 0);
  let byPointer = builtViews.get(schema);
  if (byPointer === undefined) builtViews.set(schema, (byPointer = new Map<string | undefined, SchemaView>()));
  let view = byPointer.get(pointer);
  if (view === undefined) byPointer.set(pointer, (view = buildView(spec, schema, pointer, 0)));
  return view;
}

function buildView(spec: SpecIndex, schema: unknown, pointer: string | undefined, depth: number): SchemaView {
  const followed = followRef(spec, schema, pointer);
  const view: SchemaView = {
    schema: followed.schema,
    pointer: followed.pointer,
    types: [],
    properties: new Map(),
    required: new Set(),
    items: undefined,
  };
  const { schema: s } = followed;
  const type = s.type;
  if (typeof type === 'string') view.types.push(type);
  else if (Array.isArray(type)) view.types.push(...type.filter((t): t is string => typeof t === 'string'));
  for (const [name, property] of Object.entries(asRecord(s.properties))) {
    view.properties.set(name, { schema: property, pointer: child(followed.pointer, 'properties', name) });
  }
  if (Array.isArray(s.required)) for (const name of s.required) if (typeof name === 'string') view.required.add(name);
  if (s.items !== undefined && typeof s.items === 'object') view.items = { schema: s.items, pointer: child(followed.pointer, 'items') };
  if (depth < 16) {
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      const parts = s[keyword];
      if (!Array.isArray(parts)) continue;
      parts.forEach((part, index) => {
        const partView = buildView(spec, part, child(followed.pointer, keyword, index), depth + 1);
        for (const t of partView.types) if (!view.types.includes(t)) view.types.push(t);
        for (const [name, property] of partView.properties) if (!view.properties.has(name)) view.properties.set(name, property);
        if (keyword === 'allOf') for (const name of partView.required) view.required.add(name);
        view.items ??= partView.items;
      });
    }
  }
  if (view.types.length === 0) {
    if (view.properties.size > 0) view.types.push('object');
    else if (view.items !== undefined) view.types.push('array');
  }
  return view;
}
