import { describe, expect, it } from 'vitest';
import type { Violation } from '../../src/core/violation.js';
import { refusalFor } from '../../src/engine/refusal-status.js';

const violation = (code: string, location: Violation['location'] = 'body'): Violation => ({ code, location, pointer: '', message: code, specPointer: '', operationId: 'op' });

describe('refusalFor', () => {
  it.each([
    [[violation('request.security.missing', 'security'), violation('request.body.required')], 401, 1],
    [[violation('request.body.too-large'), violation('request.body.required')], 413, 1],
    [[violation('request.header.content-type', 'header')], 415, 1],
    [[violation('request.header.accept', 'header')], 406, 1],
    [[violation('request.body.required'), violation('request.query.type', 'query')], 400, 2],
  ] as const)('%#: status %i showing %i violation(s)', (violations, status, shown) => {
    const refusal = refusalFor([...violations]);
    expect(refusal.status).toBe(status);
    expect(refusal.shown).toHaveLength(shown);
  });
});
