import type { SpecIndex } from '../../spec/spec-index.js';
import { viewSchema } from '../../spec/resolve-schema.js';
import type { ChangeClass, SpecChange } from './spec-change.js';

/** Which side of the exchange a schema describes: what tightens a request breaks a client; what loosens an answer may. */
export type SchemaSide = 'request' | 'response';

export interface SchemaDiffContext {
  side: SchemaSide;
  operation: Pick<SpecChange, 'operationId' | 'method' | 'path' | 'location'>;
  oldDoc: SpecIndex;
  newDoc: SpecIndex;
  changes: SpecChange[];
}

const MAX_DEPTH = 12;
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;

const asNumber = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const itemPointer = (pointer: string) => `${pointer}/0`;

function add(context: SchemaDiffContext, kind: string, changeClass: ChangeClass, pointer: string, message: string): void {
  context.changes.push({ ...context.operation, kind: `${context.side}.${kind}`, class: changeClass, pointer, message });
}

/** A request constraint that narrows what is accepted breaks clients; on an answer the same change is harmless to them. */
const narrowing = (context: SchemaDiffContext): ChangeClass => (context.side === 'request' ? 'breaking' : 'non-breaking');
const widening = (context: SchemaDiffContext): ChangeClass => (context.side === 'request' ? 'non-breaking' : 'breaking');

/** `/pageSize`, or for a whole body `the request body` / `the response 200 body`. */
const describe = (context: SchemaDiffContext, pointer: string): string =>
  pointer || (context.operation.location === 'body' ? 'the request body' : `the ${context.operation.location} body`);

function diffBounds(context: SchemaDiffContext, oldSchema: Record<string, unknown>, newSchema: Record<string, unknown>, pointer: string): void {
  const where = describe(context, pointer);
  if (JSON.stringify(oldSchema.default) !== JSON.stringify(newSchema.default)) {
    add(
      context,
      'default.changed',
      context.side === 'request' ? 'unclassified' : 'non-breaking',
      pointer,
      `default of ${where} changed from ${JSON.stringify(oldSchema.default) ?? '(none)'} to ${JSON.stringify(newSchema.default) ?? '(none)'}`,
    );
  }
  for (const keyword of UPPER_BOUNDS) {
    const before = asNumber(oldSchema[keyword]);
    const after = asNumber(newSchema[keyword]);
    if (before === after) continue;
    const tighter = after !== undefined && (before === undefined || after < before);
    add(
      context,
      `${keyword}.${tighter ? 'decreased' : 'increased'}`,
      tighter ? narrowing(context) : 'non-breaking',
      pointer,
      `${keyword} of ${where} ${before === undefined ? 'added' : `changed from ${before}`} ${after === undefined ? 'removed' : `to ${after}`}`,
    );
  }
  for (const keyword of LOWER_BOUNDS) {
    const before = asNumber(oldSchema[keyword]);
    const after = asNumber(newSchema[keyword]);
    if (before === after) continue;
    const tighter = after !== undefined && (before === undefined || after > before);
    add(
      context,
      `${keyword}.${tighter ? 'increased' : 'decreased'}`,
      tighter ? narrowing(context) : 'non-breaking',
      pointer,
      `${keyword} of ${where} ${before === undefined ? 'added' : `changed from ${before}`} ${after === undefined ? 'removed' : `to ${after}`}`,
    );
  }
  if (oldSchema.pattern !== newSchema.pattern) {
    add(
      context,
      'pattern.changed',
      newSchema.pattern === undefined ? 'non-breaking' : narrowing(context),
      pointer,
      `pattern of ${where} changed from ${String(oldSchema.pattern ?? '(none)')} to ${String(newSchema.pattern ?? '(none)')}`,
    );
  }
  if (oldSchema.format !== newSchema.format) {
    add(
      context,
      'format.changed',
      newSchema.format === undefined ? 'non-breaking' : narrowing(context),
      pointer,
      `format of ${where} changed from ${String(oldSchema.format ?? '(none)')} to ${String(newSchema.format ?? '(none)')}`,
    );
  }
}

function diffEnum(context: SchemaDiffContext, before: unknown, after: unknown, pointer: string): void {
  const oldValues = Array.isArray(before) ? before.map((v) => JSON.stringify(v)) : undefined;
  const newValues = Array.isArray(after) ? after.map((v) => JSON.stringify(v)) : undefined;
  const where = describe(context, pointer);
  if (oldValues === undefined && newValues === undefined) return;
  if (newValues === undefined) return add(context, 'enum.removed', widening(context), pointer, `${where} no longer restricts its values to ${oldValues!.join(', ')}`);
  if (oldValues === undefined) return add(context, 'enum.added', narrowing(context), pointer, `${where} now only allows ${newValues.join(', ')}`);
  const removed = oldValues.filter((v) => !newValues.includes(v));
  const added = newValues.filter((v) => !oldValues.includes(v));
  if (removed.length > 0) add(context, 'enum.value-removed', narrowing(context), pointer, `${where} no longer allows ${removed.join(', ')}`);
  if (added.length > 0) add(context, 'enum.value-added', widening(context), pointer, `${where} now also allows ${added.join(', ')}`);
}

/**
 * Compares two versions of a schema (request body, parameter or answer) and records each difference with its class.
 * A hand-written walk: no maintained npm OpenAPI diff reads OpenAPI 3.1 (openapi-diff stops at 3.0.3).
 */
export function diffSchemas(context: SchemaDiffContext, oldSchema: unknown, newSchema: unknown, pointer = '', depth = 0): void {
  if (depth > MAX_DEPTH) return;
  const before = viewSchema(context.oldDoc, oldSchema);
  const after = viewSchema(context.newDoc, newSchema);
  const where = describe(context, pointer);
  if (before.types.length > 0 || after.types.length > 0) {
    const lost = before.types.filter((t) => !after.types.includes(t) && !(t === 'integer' && after.types.includes('number')));
    const gained = after.types.filter((t) => !before.types.includes(t) && !(t === 'integer' && before.types.includes('number')));
    if (after.types.length > 0 && lost.length > 0)
      add(context, 'type.narrowed', narrowing(context), pointer, `${where} no longer accepts type ${lost.join(', ')} (now ${after.types.join(', ')})`);
    if (before.types.length > 0 && (gained.length > 0 || after.types.length === 0))
      add(context, 'type.widened', widening(context), pointer, `${where} now also has type ${gained.join(', ') || 'any'}`);
  }
  diffBounds(context, before.schema, after.schema, pointer);
  diffEnum(context, before.schema.enum, after.schema.enum, pointer);
  for (const name of after.required) {
    if (before.required.has(name)) continue;
    const existed = before.properties.has(name);
    add(
      context,
      'property.required-added',
      context.side === 'request' ? 'breaking' : 'non-breaking',
      `${pointer}/${name}`,
      `${existed ? 'property' : 'new property'} '${name}' of ${where} is now required`,
    );
  }
  for (const name of before.required) {
    if (!after.required.has(name) && after.properties.has(name))
      add(context, 'property.required-removed', widening(context), `${pointer}/${name}`, `property '${name}' of ${where} is no longer required`);
  }
  const closed = after.schema.additionalProperties === false || after.schema.unevaluatedProperties === false;
  for (const [name, property] of before.properties) {
    const now = after.properties.get(name);
    if (now === undefined) {
      const changeClass: ChangeClass = context.side === 'response' || closed ? 'breaking' : 'non-breaking';
      add(context, 'property.removed', changeClass, `${pointer}/${name}`, `property '${name}' of ${where} was removed`);
    } else diffSchemas(context, property.schema, now.schema, `${pointer}/${name}`, depth + 1);
  }
  for (const name of after.properties.keys()) {
    if (!before.properties.has(name) && !after.required.has(name))
      add(context, 'property.added', 'non-breaking', `${pointer}/${name}`, `optional property '${name}' added to ${where}`);
  }
  if (before.items !== undefined && after.items !== undefined) diffSchemas(context, before.items.schema, after.items.schema, itemPointer(pointer), depth + 1);
}
