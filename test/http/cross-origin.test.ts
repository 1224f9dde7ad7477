import { describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';

const employee = { authorization: 'Bearer t', origin: 'https://portal.example' };
/** An employee's create: Emporix requires `requestor` and `submitter` from an employee. */
const newReturn = {
  orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }],
  reason: { code: '001' },
  requestor: { customerId: 'C-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
};

describe('cross-origin requests from browser clients', async () => {
  const { send } = await createTestMock({ vendors: ['emporix'] });

  it('answers a preflight with the methods and headers a browser asks for', async () => {
    const preflight = await send('OPTIONS', '/emporix/return/acme/returns', {
      headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
  });

  it('lets the browser read every answer, success or error, and the headers a client needs', async () => {
    const created = await send('POST', '/emporix/return/acme/returns', { headers: employee, body: newReturn });
    const listed = await send('GET', '/emporix/return/acme/returns', { headers: { ...employee, 'x-total-count': 'true' } });
    const refused = await send('GET', '/emporix/return/acme/returns?pageSize=0', { headers: employee });
    const unknown = await send('GET', '/emporix/nowhere', { headers: employee });
    expect([created.status, listed.status, refused.status, unknown.status]).toEqual([201, 200, 400, 404]);
    for (const answer of [created, listed, refused, unknown]) {
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(answer.headers.get('access-control-expose-headers')?.split(',')).toEqual(['Location', 'X-Total-Count', 'x-mock-violations', 'Allow']);
    }
    expect(listed.headers.get('x-total-count')).toBe('1');
    expect(listed.json).toHaveLength(1);
  });
});
