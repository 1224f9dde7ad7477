import type { HttpRequest } from '../../core/http.js';
import type { Operation } from '../../core/operation.js';
import type { Violation } from '../../core/violation.js';
import { matchOperation } from '../../spec/match-operation.js';
import { findResponse } from '../../validate/compile-operation.js';
import { validateRequest } from '../../validate/validate-request.js';
import { validateResponse } from '../../validate/validate-response.js';
import type { JournalEntry } from '../journal-entry.js';
import type { CompiledSpecVersion } from './compile-spec-version.js';
import { findUndocumentedFields } from './find-undocumented-fields.js';

/** One recorded exchange seen through one spec version. */
export interface EntryUnderSpec {
  /** The operation the request routes to in this version; undefined when it matches none (removed or moved). */
  operation: Operation | undefined;
  requestViolations: Violation[];
  responseViolations: Violation[];
  /** Fields of the recorded answer this version does not document. */
  undocumentedFields: Set<string>;
}

const essence = (mediaType: string | undefined) => mediaType?.split(';')[0]?.trim().toLowerCase();

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The recorded request as the validators take it (the journal keeps the body as text, or base64 when it was not). */
function toHttpRequest(entry: JournalEntry): HttpRequest {
  const { body, bodyEncoding } = entry.request;
  return {
    method: entry.request.method,
    baseUrl: '',
    path: entry.request.path,
    query: entry.request.query,
    headers: entry.request.headers,
    body: body === undefined ? undefined : bodyEncoding === 'base64' ? new Uint8Array(Buffer.from(body, 'base64')) : new TextEncoder().encode(body),
  };
}

/** Routes and validates a recorded request and its recorded JSON answer against a spec version, with no state. */
export function revalidateEntry(entry: JournalEntry, version: CompiledSpecVersion): EntryUnderSpec {
  const match = matchOperation(version.index, entry.request.method, entry.request.path);
  if (match.kind !== 'matched') return { operation: undefined, requestViolations: [], responseViolations: [], undocumentedFields: new Set() };
  const compiled = version.compiled.get(match.operation)!;
  const doc = version.spec.index;
  const { violations: requestViolations } = validateRequest(doc, compiled, toHttpRequest(entry), match.pathParams);
  const response = entry.response;
  if (response === undefined || entry.outcome !== 'answered' || response.bodyTruncated === true)
    return { operation: match.operation, requestViolations, responseViolations: [], undocumentedFields: new Set() };
  const mediaType = response.headers['content-type'];
  const body = /json/i.test(mediaType ?? '') ? parseJson(response.body) : undefined;
  // Only JSON answers are re-read: an XML answer's fields would first need the spec's XML mapping.
  const responseViolations =
    response.body !== undefined && body === undefined ? [] : validateResponse(doc, compiled, { status: response.status, headers: response.headers, body }, mediaType);
  const documented = findResponse(compiled, response.status)?.content.find((media) => essence(media.media.mediaType) === essence(mediaType));
  const undocumentedFields = body === undefined || documented === undefined ? new Set<string>() : findUndocumentedFields(doc, documented.media.schema, body);
  return { operation: match.operation, requestViolations, responseViolations, undocumentedFields };
}
