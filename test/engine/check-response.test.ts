import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../src/engine/check-response.js';
import { buildEngineContext } from '../helpers/engine-context.js';

describe('checkResponse (stage 4)', async () => {
  const { context } = await buildEngineContext('emporix');
  const compiled = context.operations.find((candidate) => candidate.operation.operationId === 'createReturn')!;

  it('negotiates a documented media type and finds nothing wrong with a conforming answer', () => {
    const checked = checkResponse(context, { accept: 'application/json', compiled, result: { status: 201, body: { id: 'r-1' } } });
    expect(checked).toEqual({ mediaType: 'application/json', responseViolations: [] });
  });

  it('reports where an answer breaks its own spec', () => {
    const checked = checkResponse(context, { accept: undefined, compiled, result: { status: 201, body: { id: 5 } } });
    expect(checked.responseViolations.length).toBeGreaterThan(0);
    expect(checked.responseViolations[0]!.pointer).toBe('/id');
  });

  it('an answer without a body has no media type', () => {
    expect(checkResponse(context, { accept: undefined, compiled: undefined, result: { status: 204 } })).toEqual({ mediaType: undefined, responseViolations: [] });
  });
});
