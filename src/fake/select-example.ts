import type { MediaTypeSpec } from '../core/operation.js';
import { followRef } from '../spec/resolve-schema.js';
import type { SpecIndex } from '../spec/spec-index.js';

/** The outcome of looking for an example: its value and, for a named example, its name. */
export type ExampleSelection = { found: true; value: unknown; name?: string } | { found: false };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Picks the example to answer with: the named one when `name` is given (else none), otherwise the first named example,
 * then the media type's `example`, then the schema's `examples[0]` or `example`. `spec` resolves `$ref`s
 * (`#/components/examples/...`, `#/components/schemas/...`).
 * @example selectExample(spec, media, 'seed') // { found: true, value: {...}, name: 'seed' }
 */
export function selectExample(spec: SpecIndex, media: MediaTypeSpec, name?: string): ExampleSelection {
  const examples = media.examples ?? {};
  if (name !== undefined) {
    if (!Object.hasOwn(examples, name)) return { found: false };
    const value = exampleValue(spec, examples[name]);
    return value.found ? { found: true, value: value.value, name } : { found: false };
  }
  for (const [exampleName, example] of Object.entries(examples)) {
    const value = exampleValue(spec, example);
    if (value.found) return { found: true, value: value.value, name: exampleName };
  }
  if (media.example !== undefined) return { found: true, value: media.example };
  return media.schema === undefined ? { found: false } : selectSchemaExample(spec, media.schema, media.schemaPointer);
}

/** A schema's own example (`examples[0]`, else `example`), after its `$ref`s: a body's last resort, a header's only one. */
export function selectSchemaExample(spec: SpecIndex, schema: unknown, pointer?: string): ExampleSelection {
  const { schema: resolved } = followRef(spec, schema, pointer);
  if (Array.isArray(resolved.examples) && resolved.examples.length > 0) return { found: true, value: resolved.examples[0] };
  if (resolved.example !== undefined) return { found: true, value: resolved.example };
  return { found: false };
}

/** The `value` of an Example Object, following a `$ref` to `components/examples`; an `externalValue` is never fetched. */
function exampleValue(spec: SpecIndex, example: unknown): { found: true; value: unknown } | { found: false } {
  const { schema: resolved } = followRef(spec, example, undefined);
  // `buildOperations` keeps `value: undefined` for an example that only has an `externalValue`.
  if (!isRecord(resolved) || resolved.value === undefined) return { found: false };
  return { found: true, value: resolved.value };
}
