import type { HttpResponse } from '../core/http.js';
import type { EngineContext } from './engine-context.js';
import { encodeBody } from './encode-body.js';
import type { AnsweredDraft, CheckedAnswer } from './exchange-draft.js';

/** Stage 5: the answer on the wire: its headers, `content-type` with charset, the body encoded in its media type. */
export function encodeResponse(context: Pick<EngineContext, 'spec'>, draft: Pick<AnsweredDraft, 'compiled' | 'result'> & Pick<CheckedAnswer, 'mediaType'>): HttpResponse {
  const { compiled, result, mediaType } = draft;
  const headers: Record<string, string> = { ...result.headers };
  if (result.body === undefined || mediaType === undefined) return { status: result.status, headers, body: undefined };
  headers['content-type'] = `${mediaType}; charset=utf-8`;
  return { status: result.status, headers, body: encodeBody(context.spec, compiled, result.status, mediaType, result.body) };
}
