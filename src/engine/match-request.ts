import type { HttpRequest } from '../core/http.js';
import { bindJsonBody } from '../media/bind-json-body.js';
import { effectiveAccept } from '../media/effective-accept.js';
import { bodyFormatOf, mediaTypeCovers, parseMediaTypeEssence } from '../media/media-type.js';
import { matchOperation, type OperationIndex, type OperationMatch } from '../spec/match-operation.js';
import type { SpecIndex } from '../spec/spec-index.js';
import type { CompiledOperation } from '../validate/compile-operation.js';
import type { EngineContext } from './engine-context.js';
import type { ExchangeDraft, MatchedDraft, UnmatchedDraft } from './exchange-draft.js';
import { CORE_RULES } from '../core/core-rules.js';

type MatchContext = Pick<EngineContext, 'operationIndex' | 'compiledOf' | 'plugin'> & Partial<Pick<EngineContext, 'spec' | 'operations'>>;

/**
 * Stage 1: finds the operation for the request's method and path, or the 404/405 the vendor answers. The vendor's
 * platform (`plugin.platform`) decides whether letter case matters in paths, which `Accept` the answer is negotiated
 * by, and how a JSON body binds to the model before validation (the exchange keeps the request as sent).
 */
export function matchRequest(context: MatchContext, draft: ExchangeDraft): MatchedDraft | UnmatchedDraft {
  const { request } = draft;
  const platform = context.plugin.platform;
  const match = matchPath(context.operationIndex, request.method, request.path, platform?.caseInsensitivePaths === true);
  if (match.kind === 'matched') {
    const compiled = context.compiledOf(match.operation);
    const accept = effectiveAccept(platform, draft.accept, request.headers['content-type'], compiled.successMediaTypes);
    const bound = platform?.lenientJsonBinding === true && context.spec !== undefined ? bindRequestBody(context.spec, compiled, request) : request;
    return { ...draft, request: bound, accept, compiled, pathParams: match.pathParams };
  }
  const offered = [...new Set((context.operations ?? []).flatMap((operation) => operation.successMediaTypes))];
  const accept = effectiveAccept(platform, draft.accept, request.headers['content-type'], offered);
  if (match.kind === 'not-found') {
    return {
      ...draft,
      accept,
      status: 404,
      violation: {
        code: CORE_RULES.pathUnknown.code,
        location: 'path',
        pointer: '',
        message: `no operation of ${context.plugin.title} has the path ${request.path}`,
        specPointer: '#/paths',
        operationId: '',
      },
    };
  }
  return {
    ...draft,
    accept,
    status: 405,
    allow: match.allow,
    violation: {
      code: CORE_RULES.methodNotAllowed.code,
      location: 'path',
      pointer: '',
      message: `${request.method} is not allowed on ${request.path}; allowed: ${match.allow.join(', ')}`,
      specPointer: '#/paths',
      operationId: '',
    },
  };
}

/** Routes the path as sent, then, where routing ignores letter case, with each literal segment spelt as its template spells it. */
function matchPath(index: OperationIndex, method: string, path: string, caseInsensitive: boolean): OperationMatch {
  const exact = matchOperation(index, method, path);
  if (exact.kind === 'matched' || !caseInsensitive) return exact;
  const respelt = respellLiterals(index, path);
  return respelt === undefined || respelt === path ? exact : matchOperation(index, method, respelt);
}

function respellLiterals(index: OperationIndex, path: string): string | undefined {
  const segments = path.split('/');
  for (const { regex, template } of index.templates) {
    if (!new RegExp(regex.source, 'i').test(path)) continue;
    const literal = template.split('/');
    return segments.map((segment, i) => (literal[i]?.includes('{') === false ? literal[i] : segment)).join('/');
  }
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The request with its JSON body bound to the operation's schema; unchanged when the body is not JSON the operation takes, or not readable. */
function bindRequestBody(spec: SpecIndex, compiled: CompiledOperation, request: HttpRequest): HttpRequest {
  const essence = parseMediaTypeEssence(request.headers['content-type']);
  if (request.body === undefined || essence === undefined || bodyFormatOf(essence) !== 'json') return request;
  const media = compiled.bodies.find((body) => mediaTypeCovers(body.media.mediaType, essence))?.media;
  if (media?.schema === undefined) return request;
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(request.body));
  } catch {
    return request;
  }
  try {
    const bound = bindJsonBody(spec, parsed, media.schema, media.schemaPointer);
    return { ...request, body: new TextEncoder().encode(JSON.stringify(bound)) };
  } catch {
    // Nesting deeper than the stack can serialise: validation judges the body as sent.
    return request;
  }
}
