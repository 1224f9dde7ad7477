import type { Ajv, ValidateFunction } from 'ajv';
import type { MediaTypeSpec, Operation, ParameterSpec, ResponseSpec } from '../core/operation.js';
import { bodyFormatOf, type BodyFormat } from '../media/media-type.js';
import { SPEC_SCHEMA_ID } from './create-ajv.js';

export interface CompiledParameter extends ParameterSpec {
  validate: ValidateFunction | undefined;
}

export interface CompiledMediaType {
  media: MediaTypeSpec;
  format: BodyFormat;
  validate: ValidateFunction | undefined;
}

export interface CompiledResponse {
  response: ResponseSpec;
  content: CompiledMediaType[];
}

/** An operation with every validator it needs, each compiled once, on first use. */
export interface CompiledOperation {
  operation: Operation;
  parameters: CompiledParameter[];
  bodies: CompiledMediaType[];
  responses: CompiledResponse[];
  /** Media types of the first documented success response: what `Accept` is negotiated against. */
  successMediaTypes: string[];
}

/** Validators already compiled, per ajv instance (one per spec) and schema pointer. */
const compiledBySpec = new WeakMap<Ajv, Map<string, ValidateFunction>>();

/** The validator of the schema at `pointer`: compiled once per spec, however many operations share it (error bodies, parameters). */
function compilePointer(ajv: Ajv, pointer: string | undefined): ValidateFunction | undefined {
  if (pointer === undefined) return undefined;
  let compiled = compiledBySpec.get(ajv);
  if (compiled === undefined) compiledBySpec.set(ajv, (compiled = new Map<string, ValidateFunction>()));
  let validate = compiled.get(pointer);
  if (validate === undefined) compiled.set(pointer, (validate = ajv.compile({ $ref: `${SPEC_SCHEMA_ID}${pointer}` })));
  return validate;
}

function compileMedia(ajv: Ajv, media: MediaTypeSpec): CompiledMediaType {
  return {
    media,
    format: bodyFormatOf(media.mediaType),
    get validate() {
      return compilePointer(ajv, media.schemaPointer);
    },
  };
}

/**
 * The validators of one operation: parameters, request bodies per media type, responses per status and media type.
 * Each is compiled on first use (then kept): start-up stays short however large the specs, and an operation no
 * request reaches costs nothing. Every request and answer is still checked: reading `validate` compiles it.
 */
export function compileOperation(ajv: Ajv, operation: Operation): CompiledOperation {
  const responses = operation.responses.map((response) => ({ response, content: response.content.map((media) => compileMedia(ajv, media)) }));
  const success = operation.responses.find((response) => /^2/.test(response.status));
  return {
    operation,
    parameters: operation.parameters.map((parameter) => ({
      ...parameter,
      get validate() {
        return parameter.schema === undefined ? undefined : compilePointer(ajv, parameter.schemaPointer);
      },
    })),
    bodies: operation.requestBody?.content.map((media) => compileMedia(ajv, media)) ?? [],
    responses,
    successMediaTypes: success?.content.map((media) => media.mediaType) ?? [],
  };
}

/** The documented response for a status: exact code first, then `4XX`-style ranges, then `default`. */
export function findResponse(compiled: CompiledOperation, status: number): CompiledResponse | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return (
    compiled.responses.find((r) => r.response.status === exact) ??
    compiled.responses.find((r) => r.response.status.toUpperCase() === range) ??
    compiled.responses.find((r) => r.response.status === 'default')
  );
}
