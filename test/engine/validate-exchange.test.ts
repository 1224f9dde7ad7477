import { describe, expect, it } from 'vitest';
import type { MatchedDraft } from '../../src/engine/exchange-draft.js';
import { matchRequest } from '../../src/engine/match-request.js';
import { validateExchange } from '../../src/engine/validate-exchange.js';
import { buildEngineContext, engineRequest } from '../helpers/engine-context.js';

describe('validateExchange (stage 2)', async () => {
  const { context } = await buildEngineContext('emporix', { scenarioRules: [{ vendor: 'emporix', operation: 'getReturn', probability: 1, delayMs: 5 }] });
  const matched = (headers: Record<string, string>) =>
    matchRequest(context, { request: engineRequest('GET', '/return/acme/returns/r-1', headers), accept: undefined }) as MatchedDraft;

  it('types a valid request and merges Prefer over the scenario rules', () => {
    const draft = validateExchange(context, matched({ authorization: 'Bearer emporix-employee-token', prefer: 'dynamic=true' }));
    expect(draft.violations).toEqual([]);
    expect(draft.validated.pathParams).toEqual({ tenant: 'acme', returnId: 'r-1' });
    expect(draft.scenario).toEqual({ delayMs: 5, dynamic: true });
  });

  it('returns every violation: a missing credential and a malformed Prefer', () => {
    const draft = validateExchange(context, matched({ prefer: 'code=abc' }));
    expect(draft.violations.map((v) => v.location)).toEqual(expect.arrayContaining(['security', 'header']));
    expect(draft.violations.every((v) => v.operationId === 'getReturn')).toBe(true);
  });
});
