import { matchOperation } from '../spec/match-operation.js';
import type { EngineContext } from './engine-context.js';
import type { ExchangeDraft, MatchedDraft, UnmatchedDraft } from './exchange-draft.js';

/** Stage 1: finds the operation for the request's method and path, or the 404/405 the vendor answers. */
export function matchRequest(context: Pick<EngineContext, 'operationIndex' | 'compiledOf' | 'plugin'>, draft: ExchangeDraft): MatchedDraft | UnmatchedDraft {
  const { request } = draft;
  const match = matchOperation(context.operationIndex, request.method, request.path);
  if (match.kind === 'matched') return { ...draft, compiled: context.compiledOf(match.operation), pathParams: match.pathParams };
  if (match.kind === 'not-found') {
    return {
      ...draft,
      status: 404,
      violation: { code: 'request.path.unknown', location: 'path', pointer: '', message: `no operation of ${context.plugin.title} has the path ${request.path}`, specPointer: '#/paths', operationId: '' },
    };
  }
  return {
    ...draft,
    status: 405,
    allow: match.allow,
    violation: { code: 'request.method.not-allowed', location: 'path', pointer: '', message: `${request.method} is not allowed on ${request.path}; allowed: ${match.allow.join(', ')}`, specPointer: '#/paths', operationId: '' },
  };
}
