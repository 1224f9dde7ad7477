import type { Ajv, ValidateFunction } from 'ajv';
import type { SchemaMatcher } from '../core/schema-matcher.js';
import { normaliseOpenApi30, SPEC_SCHEMA_ID } from './create-ajv.js';

/** A copy of a (sub)schema whose local `$ref`s point into the spec registered in ajv. */
function anchorRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(anchorRefs);
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${SPEC_SCHEMA_ID}${value}` : anchorRefs(value);
  }
  return copy;
}

/**
 * The faker's schema check, by the same ajv (dialect, formats) that validates requests and responses, so the faker's
 * `oneOf` and `if` decisions agree with validation. Validators are compiled once per schema object (or per equal
 * schema, for the small ones the faker builds itself).
 */
export function createSchemaMatcher(ajv: Ajv, version: '3.0' | '3.1'): SchemaMatcher {
  const byObject = new WeakMap<object, ValidateFunction>();
  const byText = new Map<string, ValidateFunction>();
  const compile = (schema: object): ValidateFunction => {
    let validate = byObject.get(schema);
    if (validate !== undefined) return validate;
    const text = JSON.stringify(schema);
    validate = byText.get(text);
    if (validate === undefined) {
      const anchored = anchorRefs(schema) as object;
      try {
        validate = ajv.compile(version === '3.0' ? normaliseOpenApi30(anchored) : anchored);
      } catch {
        // A schema ajv cannot compile (an invalid `pattern`) is one no value satisfies, for the validator too.
        validate = Object.assign(() => false, { errors: null }) as unknown as ValidateFunction;
      }
      byText.set(text, validate);
    }
    byObject.set(schema, validate);
    return validate;
  };
  return (schema, value) => {
    if (schema === false) return false;
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return true;
    try {
      return compile(schema)(value) === true;
    } catch {
      // A `$ref` cycle that consumes no data (`allOf: [{ $ref: self }]`) recurses without end: no value is shown to fit.
      return false;
    }
  };
}
