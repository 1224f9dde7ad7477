import { describe, expect, it } from 'vitest';
import { matchRequest } from '../../src/engine/match-request.js';
import { buildEngineContext, engineRequest } from '../helpers/engine-context.js';

describe('matchRequest (stage 1)', async () => {
  const { context } = await buildEngineContext('emporix');
  const match = (method: string, path: string) => matchRequest(context, { request: engineRequest(method, path), accept: undefined });

  it('finds the operation and its raw path parameters', () => {
    const draft = match('GET', '/return/acme/returns/r-1');
    expect('compiled' in draft && draft.compiled.operation.operationId).toBe('getReturn');
    expect('compiled' in draft && draft.pathParams).toEqual({ tenant: 'acme', returnId: 'r-1' });
  });

  it('answers an unknown path with 404 and request.path.unknown', () => {
    const draft = match('GET', '/nowhere');
    expect('status' in draft && draft.status).toBe(404);
    expect('violation' in draft && draft.violation.code).toBe('request.path.unknown');
  });

  it('answers a known path with another method with 405 and the allowed methods', () => {
    const draft = match('PUT', '/return/acme/returns');
    expect('status' in draft && draft.status).toBe(405);
    expect('allow' in draft && draft.allow).toEqual(expect.arrayContaining(['GET', 'POST']));
    expect('violation' in draft && draft.violation.code).toBe('request.method.not-allowed');
  });
});
