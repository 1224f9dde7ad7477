import { describe, expect, it } from 'vitest';
import { decideAnswer } from '../../src/engine/decide-answer.js';
import type { MatchedDraft } from '../../src/engine/exchange-draft.js';
import { matchRequest } from '../../src/engine/match-request.js';
import { validateExchange } from '../../src/engine/validate-exchange.js';
import { buildEngineContext, engineRequest } from '../helpers/engine-context.js';

const EMPLOYEE = { authorization: 'Bearer emporix-employee-token' };

describe('decideAnswer (stage 3)', async () => {
  const strict = (await buildEngineContext('emporix')).context;
  const lenient = (await buildEngineContext('emporix', { mode: 'lenient' })).context;
  const validated = (context: typeof strict, method: string, path: string, headers: Record<string, string>) =>
    validateExchange(context, matchRequest(context, { request: engineRequest(method, path, headers), accept: undefined }) as MatchedDraft);

  it('a forced answer (Prefer: code) answers from the spec without the handler', async () => {
    const draft = await decideAnswer(strict, validated(strict, 'GET', '/return/acme/returns/r-1', { ...EMPLOYEE, prefer: 'code=404' }));
    expect(draft.result.status).toBe(404);
    expect(draft.lenient).toBe(false);
  });

  it("a valid request runs the vendor's handler (a return the store lacks is the vendor's 404)", async () => {
    const draft = await decideAnswer(strict, validated(strict, 'GET', '/return/acme/returns/r-1', EMPLOYEE));
    expect(draft.result.status).toBe(404);
    expect(draft.result.body).toBeDefined();
  });

  it('strict mode refuses a request that breaks the contract with the status of its policy (401 for credentials)', async () => {
    const draft = await decideAnswer(strict, validated(strict, 'GET', '/return/acme/returns/r-1', {}));
    expect(draft.result.status).toBe(401);
    expect(draft.lenient).toBe(false);
  });

  it('lenient mode serves the spec success answer and marks how many violations it let through', async () => {
    const draft = await decideAnswer(lenient, validated(lenient, 'GET', '/return/acme/returns/r-1', {}));
    expect(draft.result.status).toBe(200);
    expect(draft.lenient).toBe(true);
    expect(draft.result.headers?.['x-mock-violations']).toBe(String(draft.violations.length));
  });

  it('--auth strict refuses a well-formed credential the fixtures do not declare', async () => {
    const { context } = await buildEngineContext('emporix', { authMode: 'strict' });
    const draft = await decideAnswer(context, validated(context, 'GET', '/return/acme/returns/r-1', { authorization: 'Bearer undeclared-token' }));
    expect(draft.result.status).toBe(401);
    expect(draft.violations.map((v) => v.code)).toContain('security.credential.undeclared');
  });
});
