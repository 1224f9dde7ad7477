import { negotiateMediaType } from '../media/media-type.js';
import { findResponse } from '../validate/compile-operation.js';
import { validateResponse } from '../validate/validate-response.js';
import type { EngineContext } from './engine-context.js';
import type { AnsweredDraft, CheckedAnswer } from './exchange-draft.js';

/**
 * Stage 4: picks the answer's media type (the handler's, the one validation negotiated, or one `Accept` allows of
 * those the spec documents) and checks the answer against its own spec: the server never sends what its spec forbids unnoticed.
 */
export function checkResponse(context: Pick<EngineContext, 'spec'>, draft: AnsweredDraft): CheckedAnswer {
  const { compiled, result, accept, negotiated } = draft;
  if (result.body === undefined) return { mediaType: undefined, responseViolations: compiled === undefined ? [] : validateResponse(context.spec, compiled, result, undefined) };
  const documented = compiled === undefined ? undefined : findResponse(compiled, result.status);
  const offered = documented?.content.map((c) => c.media.mediaType) ?? [];
  const mediaType =
    result.mediaType ??
    (negotiated !== undefined && offered.includes(negotiated) ? negotiated : undefined) ??
    negotiateMediaType(accept, offered) ??
    offered[0] ??
    'application/json';
  return { mediaType, responseViolations: compiled === undefined ? [] : validateResponse(context.spec, compiled, result, mediaType) };
}
