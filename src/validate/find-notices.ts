import { CORE_RULES } from '../core/core-rules.js';
import type { SecurityRequirement } from '../core/operation.js';
import type { Violation } from '../core/violation.js';
import { escapePointerToken } from '../spec/json-pointer.js';
import { viewSchema, type SchemaView } from '../spec/resolve-schema.js';
import type { SpecIndex } from '../spec/spec-index.js';
import type { CompiledParameter } from './compile-operation.js';

/** Deeper bodies are not walked for unknown properties: the schemas of the four vendors nest a few levels at most. */
const MAX_DEPTH = 32;

/** At most this many unknown properties are reported per body, like violations (`MAX_VIOLATIONS`). */
const MAX_NOTICES = 100;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether the schema (or an `allOf`/`anyOf`/`oneOf` part of it) lets any name in: `additionalProperties` or `patternProperties`. */
function openTo(spec: SpecIndex, view: SchemaView, name: string, depth = 0): { open: boolean; schema?: { schema: unknown; pointer: string | undefined } } {
  const { schema } = view;
  const additional = schema.additionalProperties;
  if (isObject(additional)) return { open: true, schema: { schema: additional, pointer: view.pointer === undefined ? undefined : `${view.pointer}/additionalProperties` } };
  if (additional === true) return { open: true };
  if (isObject(schema.patternProperties) && Object.keys(schema.patternProperties).some((pattern) => safeTest(pattern, name))) return { open: true };
  if (depth > 8) return { open: false };
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const parts = schema[keyword];
    if (!Array.isArray(parts)) continue;
    for (const part of parts) {
      const found = openTo(spec, viewSchema(spec, part), name, depth + 1);
      if (found.open) return found;
    }
  }
  return { open: false };
}

function safeTest(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(name);
  } catch {
    return false;
  }
}

/**
 * The body's properties its schema does not declare, at any depth (following `$ref`, `allOf`, `anyOf`, `oneOf`):
 * notices, as the vendors' platforms skip unknown members. An object schema that declares no properties is free-form;
 * a name a `additionalProperties: false` already refused (`refused` holds those pointers) gets no second finding.
 */
export function findUnknownProperties(
  spec: SpecIndex,
  value: unknown,
  schema: unknown,
  schemaPointer: string | undefined,
  operationId: string,
  refused: ReadonlySet<string>,
): Violation[] {
  const found: Violation[] = [];
  const walk = (node: unknown, view: SchemaView, pointer: string, depth: number): void => {
    if (depth > MAX_DEPTH || found.length >= MAX_NOTICES) return;
    if (Array.isArray(node)) {
      if (view.items === undefined) return;
      const itemView = viewSchema(spec, view.items.schema, view.items.pointer);
      node.forEach((item, index) => walk(item, itemView, `${pointer}/${index}`, depth + 1));
      return;
    }
    if (!isObject(node) || view.properties.size === 0) return;
    for (const [name, child] of Object.entries(node)) {
      const at = `${pointer}/${escapePointerToken(name)}`;
      const declared = view.properties.get(name);
      if (declared !== undefined) {
        walk(child, viewSchema(spec, declared.schema, declared.pointer), at, depth + 1);
        continue;
      }
      const open = openTo(spec, view, name);
      if (open.open) {
        if (open.schema !== undefined) walk(child, viewSchema(spec, open.schema.schema, open.schema.pointer), at, depth + 1);
        continue;
      }
      if (refused.has(at) || found.length >= MAX_NOTICES) continue;
      found.push({
        code: CORE_RULES.bodyUnknownProperty.code,
        location: 'body',
        pointer: at,
        message: `'${at}' is not a property of the schema: the vendor ignores it (a misspelt optional field?)`,
        specPointer: `${view.pointer ?? schemaPointer ?? ''}/properties`,
        operationId,
      });
    }
  };
  walk(value, viewSchema(spec, schema, schemaPointer), '', 0);
  return found;
}

/** The query keys an operation reads: its query parameters (an exploded object's properties, a deepObject's `name[...]`) and apiKey credentials. */
function declaredQueryKeys(spec: SpecIndex, parameters: readonly CompiledParameter[], security: readonly SecurityRequirement[]): { names: Set<string>; deepObjects: string[] } {
  const names = new Set<string>();
  const deepObjects: string[] = [];
  for (const parameter of parameters) {
    if (parameter.in !== 'query') continue;
    names.add(parameter.name);
    if (parameter.style === 'deepObject') deepObjects.push(`${parameter.name}[`);
    const explode = parameter.explode ?? (parameter.style ?? 'form') === 'form';
    if (explode && parameter.schema !== undefined) for (const property of viewSchema(spec, parameter.schema, parameter.schemaPointer).properties.keys()) names.add(property);
  }
  for (const requirement of security) {
    for (const scheme of Object.keys(requirement)) {
      const declared = spec.securityScheme(scheme) as { type?: string; in?: string; name?: string } | undefined;
      if (declared?.type === 'apiKey' && declared.in === 'query' && declared.name !== undefined) names.add(declared.name);
    }
  }
  return { names, deepObjects };
}

/** Query parameters the operation does not declare: notices, as the vendors' platforms ignore them (a misspelt `pageSize`?). */
export function findUndeclaredQuery(
  spec: SpecIndex,
  parameters: readonly CompiledParameter[],
  security: readonly SecurityRequirement[],
  query: URLSearchParams,
  operationSpecPointer: string,
  operationId: string,
): Violation[] {
  const { names, deepObjects } = declaredQueryKeys(spec, parameters, security);
  const found: Violation[] = [];
  const reported = new Set<string>();
  for (const name of query.keys()) {
    if (names.has(name) || reported.has(name) || deepObjects.some((prefix) => name.startsWith(prefix))) continue;
    reported.add(name);
    found.push({
      code: CORE_RULES.queryUndeclared.code,
      location: 'query',
      pointer: `/${escapePointerToken(name)}`,
      message: `query parameter '${name}' is not declared by ${operationId}: the vendor ignores it (a misspelt parameter?)`,
      specPointer: `${operationSpecPointer}/parameters`,
      operationId,
      value: query.get(name) ?? '',
    });
  }
  return found;
}
