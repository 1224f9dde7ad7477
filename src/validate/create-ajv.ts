import { Ajv, type Options } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { SpecDocument } from '../spec/load-spec.js';

// ajv-formats ships CommonJS with a default export; under NodeNext it arrives wrapped.
const addFormats = addFormatsModule.default;

/** The key under which the whole spec document is registered, so `spec#/components/...` refs resolve inside ajv. */
export const SPEC_SCHEMA_ID = 'spec';

const OPTIONS: Options = {
  // OpenAPI documents carry keywords that are not JSON Schema (example, xml, discriminator, x-*).
  strict: false,
  allErrors: true,
  validateSchema: false,
  // Keeps the offending value on each error, so a violation can show it.
  verbose: true,
  // ajv's code optimiser costs a tenth of start-up and gains nothing measurable per request on these schemas.
  code: { optimize: false },
};

/** Builds an ajv instance in the spec's dialect with the whole document registered: 2020-12 for 3.1, draft-07 with `nullable` for 3.0. */
export function createAjv(spec: SpecDocument): Ajv {
  const ajv = spec.version === '3.1' ? new Ajv2020(OPTIONS) : new Ajv(OPTIONS);
  addFormats(ajv);
  // OpenAPI's integer widths: a value beyond them is one the vendor's typed backend cannot read (a 400 there too).
  ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= -(2 ** 31) && value <= 2 ** 31 - 1 });
  ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63 });
  // OpenAPI names these formats without constraining them further; accept any value rather than fail on an unknown format.
  for (const format of ['float', 'double', 'byte', 'binary', 'password']) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
  }
  const document = spec.version === '3.0' ? normaliseOpenApi30(structuredClone(spec.doc)) : spec.doc;
  ajv.addSchema(document, SPEC_SCHEMA_ID);
  return ajv;
}

/** OpenAPI 3.0 schemas write `exclusiveMinimum: true` beside `minimum`; draft-07 wants the number itself. */
export function normaliseOpenApi30<T>(node: T): T {
  if (Array.isArray(node)) {
    node.forEach(normaliseOpenApi30);
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    for (const [exclusive, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (typeof record[exclusive] === 'boolean') {
        if (record[exclusive] === true && typeof record[bound] === 'number') {
          record[exclusive] = record[bound];
          delete record[bound];
        } else {
          delete record[exclusive];
        }
      }
    }
    Object.values(record).forEach(normaliseOpenApi30);
  }
  return node;
}
