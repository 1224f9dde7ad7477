import type { ErrorObject } from 'ajv';
import { schemaRule, type SchemaSite } from '../core/schema-rules.js';
import type { Violation } from '../core/violation.js';
import { escapePointerToken, parsePointer } from '../spec/json-pointer.js';
import { viewSchema } from '../spec/resolve-schema.js';
import type { SpecIndex } from '../spec/spec-index.js';

/** Where the validated value sits: its side and location name each finding's code (`request.body.maxLength`). */
export type ViolationContext = SchemaSite & {
  spec: SpecIndex;
  operationId: string;
  /** Prefix of every instance pointer: `/pageSize` for a parameter, `` for a body. */
  pointerPrefix: string;
  /** Pointer of the validated schema in the spec (`#/paths/...`). */
  schemaPointer: string;
};

/** Finds the spec pointer of the sub-schema that governs an instance path, following refs, properties and items. */
export function locateSchema(spec: SpecIndex, rootPointer: string, instancePath: string): string {
  let view = viewSchema(spec, { $ref: rootPointer }, rootPointer);
  let pointer = view.pointer ?? rootPointer;
  for (const token of parsePointer(instancePath)) {
    const property = view.properties.get(token);
    const next = property ?? (/^\d+$/.test(token) ? view.items : undefined);
    const additional = view.schema.additionalProperties;
    const target =
      next ?? (typeof additional === 'object' && additional !== null && pointer !== undefined ? { schema: additional, pointer: `${pointer}/additionalProperties` } : undefined);
    if (target === undefined || target.pointer === undefined) break;
    view = viewSchema(spec, target.schema, target.pointer);
    pointer = view.pointer ?? target.pointer;
  }
  return pointer;
}

const describeValue = (value: unknown): unknown => {
  if (typeof value === 'string' && value.length > 200) return `${value.slice(0, 200)}…`;
  if (typeof value === 'object' && value !== null) return undefined;
  return value;
};

/** Turns ajv's errors into violations that name the field, the rule and the spec's rule location. */
export function toViolations(errors: ErrorObject[] | null | undefined, context: ViolationContext): Violation[] {
  if (!errors) return [];
  const seen = new Set<string>();
  const violations: Violation[] = [];
  for (const error of errors) {
    // ajv adds an `if` error beside the failing `then` keyword: the `then` error already names the field.
    if (error.keyword === 'if') continue;
    let instancePath = error.instancePath;
    if (error.keyword === 'required') instancePath += `/${escapePointerToken(String(error.params.missingProperty))}`;
    if (error.keyword === 'additionalProperties') instancePath += `/${escapePointerToken(String(error.params.additionalProperty))}`;
    if (error.keyword === 'unevaluatedProperties') instancePath += `/${escapePointerToken(String(error.params.unevaluatedProperty))}`;
    const pointer = `${context.pointerPrefix}${instancePath}`;
    const governing = locateSchema(context.spec, context.schemaPointer, error.instancePath);
    const code = schemaRule(context, error.keyword).code;
    const key = `${code} ${pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const field =
      context.location === 'body' || context.location === 'response' ? (pointer === '' ? 'the body' : `'${pointer}'`) : `${context.location} parameter '${pointer.slice(1)}'`;
    const message =
      error.keyword === 'required'
        ? `${field} is required`
        : error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties'
          ? `${field} is not allowed`
          : `${field} ${error.message ?? 'is invalid'}${error.keyword === 'enum' ? `: ${(error.params.allowedValues as unknown[]).join(', ')}` : ''}${error.keyword === 'const' ? `: ${JSON.stringify(error.params.allowedValue)}` : ''}`;
    const violation: Violation = {
      code,
      location: context.location,
      pointer,
      message,
      specPointer: `${governing}/${error.keyword}`,
      operationId: context.operationId,
    };
    const value = describeValue(error.data);
    if (value !== undefined && error.keyword !== 'required') violation.value = value;
    violations.push(violation);
  }
  return violations;
}
