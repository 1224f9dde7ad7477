import { CORE_RULES } from '../core/core-rules.js';
import type { OperationResult } from '../core/http.js';
import type { Violation } from '../core/violation.js';
import { mediaTypeCovers } from '../media/media-type.js';
import { findResponse, type CompiledOperation } from './compile-operation.js';
import { toViolations } from './to-violations.js';
import type { SpecIndex } from '../spec/spec-index.js';

/**
 * Checks an answer against the operation's documented responses: the status is documented,
 * the media type is offered for it, and the body fits its schema. The mock must never teach a client a wrong contract.
 */
export function validateResponse(spec: SpecIndex, compiled: CompiledOperation, result: OperationResult, mediaType: string | undefined): Violation[] {
  const operationId = compiled.operation.operationId;
  const documented = findResponse(compiled, result.status);
  const base = { location: 'response' as const, operationId };
  if (documented === undefined) {
    return [
      {
        ...base,
        code: CORE_RULES.responseStatusUndocumented.code,
        pointer: '',
        message: `status ${result.status} is not documented for ${operationId}`,
        specPointer: `${compiled.operation.specPointer}/responses`,
      },
    ];
  }
  const missingHeaders: Violation[] = Object.values(documented.response.headers)
    .filter((header) => header.required && !Object.keys(result.headers ?? {}).some((name) => name.toLowerCase() === header.name.toLowerCase()))
    .map((header) => ({
      ...base,
      code: CORE_RULES.responseHeaderMissing.code,
      pointer: `/${header.name}`,
      message: `required header '${header.name}' is missing`,
      specPointer: `${documented.response.specPointer}/headers`,
    }));
  if (missingHeaders.length > 0) return missingHeaders;
  if (result.body === undefined) {
    return [];
  }
  if (documented.content.length === 0) {
    return [
      { ...base, code: CORE_RULES.responseBodyUndocumented.code, pointer: '', message: `status ${result.status} documents no body`, specPointer: documented.response.specPointer },
    ];
  }
  const media = mediaType === undefined ? undefined : documented.content.find((c) => mediaTypeCovers(c.media.mediaType, mediaType));
  if (media === undefined) {
    return [
      {
        ...base,
        code: CORE_RULES.responseContentTypeUndocumented.code,
        pointer: '',
        message: `media type ${mediaType ?? '(none)'} is not documented for status ${result.status}`,
        specPointer: `${documented.response.specPointer}/content`,
      },
    ];
  }
  if (media.validate === undefined || media.validate(result.body)) return [];
  return toViolations(media.validate.errors, { spec, operationId, location: 'response', pointerPrefix: '', schemaPointer: media.media.schemaPointer!, side: 'response' });
}
