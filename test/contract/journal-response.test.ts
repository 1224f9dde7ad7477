import { describe, expect, it } from 'vitest';
import { MASK } from '../../src/contract/mask-secrets.js';
import { toJournalEntry } from '../../src/contract/to-journal-entry.js';
import { MAX_JOURNAL_BODY_CHARS } from '../../src/contract/journal-entry.js';
import { createTestMock } from '../helpers/mock-client.js';

const employee = { authorization: 'Bearer employee-token' };
const base = '/emporix/return/acme/returns';
const employeeReturn = {
  orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1, reason: { code: '001' } }] }],
  reason: { code: '001' },
  requestor: { customerId: 'c-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
};

describe('journal entries carry the answer', () => {
  it('shows the answer body, headers and status of an Emporix create as the client received them', async () => {
    const { send, journal } = await createTestMock({ vendors: ['emporix'], seed: 4 });
    const created = await send('POST', base, { headers: employee, body: employeeReturn });
    expect(created.status).toBe(201);
    const [entry] = journal();
    expect(entry!.outcome).toBe('answered');
    expect(entry!.status).toBe(201);
    expect(entry!.response.status).toBe(201);
    expect(entry!.response.body).toBe(created.text);
    expect(JSON.parse(entry!.response.body!)).toEqual({ id: created.json.id });
    expect(entry!.response.headers['content-type']).toBe(created.headers.get('content-type'));
    for (const name of Object.keys(entry!.response.headers)) expect(name).toBe(name.toLowerCase());
    expect(entry!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('records a reset and a timeout as no answer (status 0), a malformed answer with the half body sent, and counts the delay in the duration', async () => {
    const { send, journal } = await createTestMock({ vendors: ['emporix'] });
    await send('GET', base, { headers: { ...employee, prefer: 'fault=reset' } }).catch(() => undefined);
    await send('GET', base, { headers: { ...employee, prefer: 'fault=timeout' } }).catch(() => undefined);
    const malformed = await send('GET', base, { headers: { ...employee, prefer: 'fault=malformed' } });
    await send('GET', base, { headers: { ...employee, prefer: 'delay=60' } });
    const [reset, timeout, cut, delayed] = journal();
    expect(reset).toMatchObject({ outcome: 'reset', status: 0, response: { status: 0, headers: {} } });
    expect(reset!.response.body).toBeUndefined();
    expect(timeout).toMatchObject({ outcome: 'timeout', status: 0, response: { status: 0, headers: {} } });
    expect(cut).toMatchObject({ outcome: 'malformed', status: 200 });
    expect(cut!.response.body).toBe(malformed.text);
    expect(delayed!.outcome).toBe('answered');
    expect(delayed!.durationMs).toBeGreaterThanOrEqual(60);
  });

  it('masks secret response headers and any request secret echoed in the answer, and cuts long bodies', () => {
    const catalogue = { vendor: 'x', title: 'X', operations: [], secretHeaders: ['x-shop-key'], clientHeaders: [], secretQuery: [] };
    const exchange = {
      vendor: 'x',
      operationId: 'op',
      request: { method: 'GET', baseUrl: 'http://h/x', path: '/p', query: '', headers: { 'x-shop-key': 'shop-secret-1' }, body: undefined },
      violations: [],
      response: {
        status: 200,
        headers: { 'Set-Cookie': 'session=cookie-secret-2', 'X-Shop-Key': 'shop-secret-1', 'Content-Type': 'text/plain' },
        body: `echo shop-secret-1 ${'y'.repeat(MAX_JOURNAL_BODY_CHARS)}`,
      },
    };
    const entry = toJournalEntry(exchange, 1, new Date(0), catalogue);
    expect(entry.response.headers).toEqual({ 'set-cookie': MASK, 'x-shop-key': MASK, 'content-type': 'text/plain' });
    expect(entry.response.body!.startsWith(`echo ${MASK} `)).toBe(true);
    expect(entry.response.body).toHaveLength(MAX_JOURNAL_BODY_CHARS);
    expect(entry.response.bodyTruncated).toBe(true);
    expect(JSON.stringify(entry)).not.toContain('secret');
  });
});
