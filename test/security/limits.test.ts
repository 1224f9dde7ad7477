import { describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';
import { vendorShapeProblem } from '../fuzz/vendor-error-shape.js';

const employee = { authorization: 'Bearer t' };
const list = '/emporix/return/acme/returns';

describe('limits answer with clear errors in the vendor shape', async () => {
  const { send } = await createTestMock({ vendors: ['emporix', 'shopctrl'], maxBody: 2048 });
  const fieldsOf = (json: { details: Array<{ field: string }> }) => json.details.map((detail) => detail.field);

  it('--max-body: a larger body is a 413 naming the limit, a body at the limit is read', async () => {
    const over = await send('POST', list, { headers: { ...employee, 'content-type': 'application/json' }, body: `{"x":"${'a'.repeat(2048)}"}` });
    expect(over.status).toBe(413);
    expect(over.json.message).toContain('2048');
    expect(vendorShapeProblem('emporix', 413, over.headers.get('content-type') ?? '', over.text)).toBeUndefined();
    const shopctrl = await send('POST', '/shopctrl/v1/Returns', {
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: `{"x":"${'a'.repeat(2048)}"}`,
    });
    expect(shopctrl.status).toBe(413);
    expect(shopctrl.json.Message).toContain('2048');
    const atLimit = await send('POST', list, { headers: { ...employee, 'content-type': 'application/json' }, body: `{"x":"${'a'.repeat(2048 - 8)}"}` });
    expect(atLimit.status).toBe(400);
  });

  it('q: at most 2048 characters, each regular expression at most 256, RE2 syntax', async () => {
    const long = await send('GET', `${list}?q=${encodeURIComponent(`reason.code:${'1'.repeat(2050)}`)}`, { headers: employee });
    expect(long.status).toBe(400);
    expect(long.json.message).toContain('2048');
    expect(fieldsOf(long.json)).toContain('q');
    const regex = await send('GET', `${list}?q=${encodeURIComponent(`reason.code:~${'a'.repeat(257)}`)}`, { headers: employee });
    expect(regex.status).toBe(400);
    expect(regex.json.message).toContain('256');
    expect((await send('GET', `${list}?q=${encodeURIComponent(`reason.code:~${'a'.repeat(256)}`)}`, { headers: employee })).status).toBe(200);
    const backreference = await send('GET', `${list}?q=${encodeURIComponent('reason.code:~(a)\\1')}`, { headers: employee });
    expect(backreference.status).toBe(400);
    expect(backreference.json.message).toContain('RE2');
  });

  it('pageSize: at most 60, at least 1, as the spec says', async () => {
    for (const size of ['61', '0', '-1', 'x']) {
      const answer = await send('GET', `${list}?pageSize=${size}`, { headers: employee });
      expect(answer.status, size).toBe(400);
      expect(fieldsOf(answer.json), size).toContain('pageSize');
    }
    expect((await send('GET', `${list}?pageSize=60`, { headers: employee })).status).toBe(200);
  });

  it('Prefer: delay at most 60 s', async () => {
    const answer = await send('GET', list, { headers: { ...employee, prefer: 'delay=60001' } });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toContain('60000');
  });
});
