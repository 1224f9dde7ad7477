import type { MediaTypeSpec, Operation, ParameterSpec, ResponseSpec, SecurityRequirement } from '../core/operation.js';
import { getAtPointer, toPointer } from './json-pointer.js';
import type { OpenApiDocument } from './open-api-document.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = Record<string, unknown>;

/** Follows local `$ref`s of a spec object (parameter, response, request body) to the object itself. */
function resolveObject(doc: OpenApiDocument, value: unknown, pointer: string): { value: Json; pointer: string } {
  let current = value;
  let at = pointer;
  for (let hops = 0; hops < 32; hops += 1) {
    if (typeof current !== 'object' || current === null) return { value: {}, pointer: at };
    const ref = (current as Json).$ref;
    if (typeof ref !== 'string') return { value: current as Json, pointer: at };
    at = ref.startsWith('#') ? ref.slice(1) : ref;
    current = getAtPointer(doc, at);
  }
  return { value: {}, pointer: at };
}

function asRecord(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function buildMediaTypes(doc: OpenApiDocument, content: unknown, pointer: string): MediaTypeSpec[] {
  return Object.entries(asRecord(content)).map(([mediaType, raw]) => {
    const media = asRecord(raw);
    const spec: MediaTypeSpec = { mediaType };
    if (media.schema !== undefined) {
      spec.schema = media.schema;
      spec.schemaPointer = `#${pointer}${toPointer([mediaType, 'schema'])}`;
    }
    if (media.example !== undefined) spec.example = media.example;
    if (media.examples !== undefined) {
      const examples: NonNullable<MediaTypeSpec['examples']> = {};
      for (const [name, example] of Object.entries(asRecord(media.examples))) {
        const resolved = resolveObject(doc, example, `${pointer}${toPointer([mediaType, 'examples', name])}`).value;
        examples[name] = { value: resolved.value, summary: typeof resolved.summary === 'string' ? resolved.summary : undefined };
      }
      spec.examples = examples;
    }
    return spec;
  });
}

function buildParameters(doc: OpenApiDocument, pathItem: Json, operation: Json, pathPointer: string, operationPointer: string): ParameterSpec[] {
  const byKey = new Map<string, ParameterSpec>();
  const collect = (list: unknown, basePointer: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, index) => {
      const { value, pointer } = resolveObject(doc, raw, `${basePointer}/parameters/${index}`);
      const location = value.in;
      if (typeof value.name !== 'string' || (location !== 'path' && location !== 'query' && location !== 'header' && location !== 'cookie')) return;
      // Header names are case-insensitive; path/query names are not.
      const name = location === 'header' ? value.name.toLowerCase() : value.name;
      byKey.set(`${location}:${name}`, {
        name,
        in: location,
        required: location === 'path' || value.required === true,
        style: typeof value.style === 'string' ? value.style : undefined,
        explode: typeof value.explode === 'boolean' ? value.explode : undefined,
        schema: value.schema,
        schemaPointer: `#${pointer}/schema`,
        specPointer: `#${pointer}`,
      });
    });
  };
  // Operation-level parameters override path-level ones with the same name and location.
  collect(pathItem.parameters, pathPointer);
  collect(operation.parameters, operationPointer);
  return [...byKey.values()];
}

function buildResponses(doc: OpenApiDocument, responses: unknown, operationPointer: string): ResponseSpec[] {
  return Object.entries(asRecord(responses)).map(([status, raw]) => {
    const { value, pointer } = resolveObject(doc, raw, `${operationPointer}/responses/${status}`);
    const headers: ResponseSpec['headers'] = {};
    for (const [name, header] of Object.entries(asRecord(value.headers))) {
      const resolved = resolveObject(doc, header, `${pointer}${toPointer(['headers', name])}`);
      headers[name.toLowerCase()] = { name, required: resolved.value.required === true, schema: resolved.value.schema, schemaPointer: `#${resolved.pointer}/schema` };
    }
    return {
      status,
      description: typeof value.description === 'string' ? value.description : '',
      content: buildMediaTypes(doc, value.content, `${pointer}/content`),
      headers,
      specPointer: `#${pointer}`,
    };
  });
}

/** Turns every path item method of a spec into plain `Operation` data, with `$ref`s of spec objects followed. */
export function buildOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  const globalSecurity = Array.isArray(doc.security) ? (doc.security as SecurityRequirement[]) : [];
  for (const [pathTemplate, rawPathItem] of Object.entries(doc.paths ?? {})) {
    const pathPointer = toPointer(['paths', pathTemplate]);
    const { value: pathItem } = resolveObject(doc, rawPathItem, pathPointer);
    for (const method of METHODS) {
      const operation = asRecord(pathItem[method]);
      if (pathItem[method] === undefined) continue;
      const operationPointer = `${pathPointer}/${method}`;
      const built: Operation = {
        operationId: typeof operation.operationId === 'string' ? operation.operationId : `${method.toUpperCase()} ${pathTemplate}`,
        method: method.toUpperCase(),
        pathTemplate,
        specPointer: `#${operationPointer}`,
        parameters: buildParameters(doc, pathItem, operation, pathPointer, operationPointer),
        responses: buildResponses(doc, operation.responses, operationPointer),
        security: Array.isArray(operation.security) ? (operation.security as SecurityRequirement[]) : globalSecurity,
      };
      if (operation.requestBody !== undefined) {
        const { value, pointer } = resolveObject(doc, operation.requestBody, `${operationPointer}/requestBody`);
        built.requestBody = {
          required: value.required === true,
          content: buildMediaTypes(doc, value.content, `${pointer}/content`),
          specPointer: `#${pointer}`,
        };
      }
      operations.push(built);
    }
  }
  return operations;
}
