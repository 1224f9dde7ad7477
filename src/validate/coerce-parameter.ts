import type { ParameterSpec } from '../core/operation.js';
import { viewSchema } from '../spec/resolve-schema.js';

/**
 * Turns a parameter's raw string values into the types its schema asks for, following
 * OpenAPI's style/explode rules for arrays. Values that do not fit stay strings, so that
 * validation reports them with the value the client sent.
 */
export function coerceParameter(doc: unknown, parameter: ParameterSpec, raw: string[]): unknown {
  const view = viewSchema(doc, parameter.schema ?? {}, parameter.schemaPointer);
  if (view.types.includes('array')) {
    const itemView = viewSchema(doc, view.items?.schema ?? {}, view.items?.pointer);
    const explode = parameter.explode ?? (parameter.in === 'query' || parameter.in === 'cookie');
    const style = parameter.style ?? (parameter.in === 'query' ? 'form' : 'simple');
    const separator = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
    const values = explode && parameter.in === 'query' ? raw : raw.flatMap((value) => value.split(separator));
    return values.map((value) => coerceScalar(value, itemView.types));
  }
  return coerceScalar(raw[raw.length - 1] ?? '', view.types);
}

function coerceScalar(value: string, types: string[]): unknown {
  if (types.includes('string') || types.length === 0) return value;
  if ((types.includes('integer') || types.includes('number')) && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if (types.includes('null') && value === '') return null;
  return value;
}
