import type { Ajv, ValidateFunction } from 'ajv';
import type { SchemaSite } from '../core/schema-rules.js';
import type { Violation } from '../core/violation.js';
import { SPEC_SCHEMA_ID } from './create-ajv.js';
import { toViolations } from './to-violations.js';
import type { SpecIndex } from '../spec/spec-index.js';

export type SchemaCheck = (schemaPointer: string, value: unknown, operationId: string, location?: Extract<SchemaSite, { side: 'request' }>['location']) => Violation[];

/** Checks any value against a schema of the spec by pointer (e.g. a PATCHed document against `#/components/schemas/Return`); validators are compiled once per pointer. */
export function createSchemaCheck(ajv: Ajv, spec: SpecIndex): SchemaCheck {
  const compiled = new Map<string, ValidateFunction>();
  return (schemaPointer, value, operationId, location = 'body') => {
    let validate = compiled.get(schemaPointer);
    if (validate === undefined) {
      validate = ajv.compile({ $ref: `${SPEC_SCHEMA_ID}${schemaPointer}` });
      compiled.set(schemaPointer, validate);
    }
    if (validate(value)) return [];
    return toViolations(validate.errors, { spec, operationId, location, pointerPrefix: '', schemaPointer, side: 'request' });
  };
}
