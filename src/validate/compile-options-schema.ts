import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS with a default export; under NodeNext it arrives wrapped.
const addFormats = addFormatsModule.default;

/** One place a value breaks the options schema: the JSON pointer of the value and the schema keyword it fails. */
export interface OptionsSchemaError {
  pointer: string;
  keyword: string;
  params: Record<string, unknown>;
}

/**
 * Compiles the options schema (JSON Schema 2020-12) once; the checker returns every error, never only the first.
 * @example compileOptionsSchema(schema)({ seed: -5 }) // [{ pointer: '/seed', keyword: 'minimum', … }]
 */
export function compileOptionsSchema(schema: object, { checkSchema = false } = {}): (value: unknown) => OptionsSchemaError[] {
  // Checking the schema against the 2020-12 meta-schema compiles that meta-schema first: about 80 ms of every start-up.
  // The schema is ours and fixed, so start-up skips it; its test compiles it with `checkSchema` instead.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, validateSchema: checkSchema, code: { optimize: false } });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (value) =>
    validate(value) ? [] : (validate.errors ?? []).map((error) => ({ pointer: error.instancePath, keyword: error.keyword, params: error.params as Record<string, unknown> }));
}
