import type { Operation } from '../core/operation.js';

/** The outcome of routing a request path and method against a spec's path templates. */
export type OperationMatch =
  { kind: 'matched'; operation: Operation; pathParams: Record<string, string> } | { kind: 'not-found' } | { kind: 'method-not-allowed'; allow: string[] };

interface CompiledTemplate {
  template: string;
  regex: RegExp;
  names: string[];
  /** One flag per segment: true where the segment is literal. Literal segments win over templated ones. */
  literalSegments: boolean[];
  byMethod: Map<string, Operation>;
}

export interface OperationIndex {
  templates: CompiledTemplate[];
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileTemplate(template: string): Omit<CompiledTemplate, 'byMethod'> {
  const names: string[] = [];
  const literalSegments: boolean[] = [];
  const segments = template.split('/').slice(1);
  const pattern = segments
    .map((segment) => {
      literalSegments.push(!segment.includes('{'));
      // A segment may mix text and parameters (`{id}.json`); a parameter never spans a `/`.
      return segment
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (name === undefined) return escapeRegex(part);
          names.push(name);
          return '([^/]+)';
        })
        .join('');
    })
    .join('/');
  return { template, regex: new RegExp(`^/${pattern}$`), names, literalSegments };
}

/** Compiles the operations' path templates once, for `matchOperation`. */
export function createOperationIndex(operations: Operation[]): OperationIndex {
  const byTemplate = new Map<string, CompiledTemplate>();
  for (const operation of operations) {
    let compiled = byTemplate.get(operation.pathTemplate);
    if (compiled === undefined) {
      compiled = { ...compileTemplate(operation.pathTemplate), byMethod: new Map() };
      byTemplate.set(operation.pathTemplate, compiled);
    }
    compiled.byMethod.set(operation.method, operation);
  }
  const templates = [...byTemplate.values()].sort(compareSpecificity);
  return { templates };
}

/** Orders templates so that the first literal segment wins over a templated one at the same position (OpenAPI: concrete paths first). */
function compareSpecificity(a: CompiledTemplate, b: CompiledTemplate): number {
  const length = Math.min(a.literalSegments.length, b.literalSegments.length);
  for (let i = 0; i < length; i += 1) {
    if (a.literalSegments[i] !== b.literalSegments[i]) return a.literalSegments[i] ? -1 : 1;
  }
  return 0;
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    // Malformed percent-encoding stays as sent; the parameter's schema then judges it.
    return raw;
  }
}

/**
 * Finds the operation for a method and a (still percent-encoded) path.
 * @example matchOperation(index, 'GET', '/return/acme/returns/42') // { kind: 'matched', pathParams: { tenant: 'acme', returnId: '42' } }
 */
export function matchOperation(index: OperationIndex, method: string, path: string): OperationMatch {
  let allow: string[] | undefined;
  for (const template of index.templates) {
    const match = template.regex.exec(path);
    if (match === null) continue;
    // HEAD is GET without the body (RFC 9110), wherever the spec does not document HEAD itself.
    const operation = template.byMethod.get(method) ?? (method === 'HEAD' ? template.byMethod.get('GET') : undefined);
    if (operation === undefined) {
      allow ??= [...template.byMethod.keys()];
      continue;
    }
    const pathParams: Record<string, string> = {};
    template.names.forEach((name, i) => {
      pathParams[name] = decodeSegment(match[i + 1] ?? '');
    });
    return { kind: 'matched', operation, pathParams };
  }
  return allow === undefined ? { kind: 'not-found' } : { kind: 'method-not-allowed', allow };
}
