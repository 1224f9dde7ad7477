import type { SpecIndex } from '../../spec/spec-index.js';
import { viewSchema } from '../../spec/resolve-schema.js';

const MAX_DEPTH = 24;

/**
 * Pointers of the fields of a JSON value that its schema does not document (array indexes written `*`). An object
 * schema with no properties at all, or with an `additionalProperties` schema, documents any name.
 */
export function findUndocumentedFields(doc: SpecIndex, schema: unknown, value: unknown, pointer = '', out = new Set<string>(), depth = 0): Set<string> {
  if (depth > MAX_DEPTH || schema === undefined) return out;
  const view = viewSchema(doc, schema);
  if (Array.isArray(value)) {
    if (view.items !== undefined) for (const item of value) findUndocumentedFields(doc, view.items.schema, item, `${pointer}/*`, out, depth + 1);
  } else if (value !== null && typeof value === 'object') {
    const extra = view.schema.additionalProperties;
    for (const [name, child] of Object.entries(value)) {
      const property = view.properties.get(name);
      const at = `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (property !== undefined) findUndocumentedFields(doc, property.schema, child, at, out, depth + 1);
      else if (typeof extra === 'object' && extra !== null) findUndocumentedFields(doc, extra, child, at, out, depth + 1);
      else if (view.properties.size > 0) out.add(at);
    }
  }
  return out;
}
