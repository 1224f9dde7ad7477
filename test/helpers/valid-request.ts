import type { CompiledOperation } from '../../src/validate/compile-operation.js';
import type { SpecDocument } from '../../src/spec/load-spec.js';
import { followRef } from '../../src/spec/resolve-schema.js';
import { fakeFromSchema, type Faker } from '../../src/fake/index.js';
import { bodyFormatOf } from '../../src/media/media-type.js';
import { encodeXml } from '../../src/media/xml-codec.js';
import { matcherFor } from './spec-tools.js';

export interface BuiltRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * The request body example to send with the credentials of the first security alternative: the one named `employee`
 * where the spec has one (Emporix: the seed's create and PUT samples are a customer's bodies, while its first
 * alternative, `returns.returns_manage`, is an employee's, whose bodies must carry `requestor` and `submitter`), else
 * the seed's sample, else the media type's `example`.
 */
export function requestExample(media: CompiledOperation['bodies'][number]['media']): unknown {
  return media.examples?.employee?.value ?? media.examples?.seed?.value ?? media.example;
}

/** A request the spec accepts for an operation: documented examples where there are some, faked values otherwise, and credentials of the first security alternative. */
export function buildValidRequest(spec: SpecDocument, compiled: CompiledOperation, faker: Faker): BuiltRequest {
  const index = spec.index;
  const matches = matcherFor(spec);
  const valueFor = (schema: unknown, pointer: string) => {
    const { schema: resolved } = followRef(index, schema, pointer);
    const examples = resolved.examples;
    if (Array.isArray(examples) && examples.length > 0) return examples[0];
    if (resolved.example !== undefined) return resolved.example;
    return fakeFromSchema(index, schema, { faker, matches, pointer });
  };
  let path = compiled.operation.pathTemplate;
  const headers: Record<string, string> = {};
  const query = new URLSearchParams();
  for (const parameter of compiled.parameters) {
    if (!parameter.required && parameter.in !== 'path') continue;
    const value = valueFor(parameter.schema, parameter.schemaPointer);
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(text));
    if (parameter.in === 'query') query.set(parameter.name, text);
    if (parameter.in === 'header') headers[parameter.name] = text;
  }
  for (const name of Object.keys(compiled.operation.security[0] ?? {})) {
    const scheme = index.securityScheme(name) as { type: string; scheme?: string; in?: string; name?: string };
    if (scheme.type === 'apiKey') headers[scheme.name!.toLowerCase()] = 'test-api-key';
    else if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') headers.authorization = `Basic ${Buffer.from('tester:secret').toString('base64')}`;
    else headers.authorization = 'Bearer test-token';
  }
  if (compiled.successMediaTypes[0] !== undefined) headers.accept = compiled.successMediaTypes[0];
  const built: BuiltRequest = { method: compiled.operation.method, path: query.size > 0 ? `${path}?${query}` : path, headers };
  const media = compiled.bodies[0]?.media;
  if (media !== undefined) {
    const example = requestExample(media) ?? fakeFromSchema(index, media.schema, { faker, matches, pointer: media.schemaPointer });
    headers['content-type'] = media.mediaType;
    built.body = bodyFormatOf(media.mediaType) === 'xml' ? encodeXml(index, example, media.schema, media.schemaPointer, 'Request') : JSON.stringify(example);
  }
  return built;
}
