import { describe, expect, it } from 'vitest';
import { MAX_JOURNAL_BODY_CHARS } from '../../src/contract/journal-entry.js';
import { toJournalEntry, type RecordedExchange } from '../../src/contract/to-journal-entry.js';

const exchange = (overrides: Partial<RecordedExchange> = {}): RecordedExchange => ({
  vendor: 'emporix',
  operationId: 'getReturn',
  request: {
    method: 'GET',
    baseUrl: 'http://127.0.0.1:1/emporix',
    path: '/return/acme/returns/r-1',
    query: '',
    headers: { authorization: 'Bearer secret-token' },
    body: undefined,
  },
  violations: [],
  response: { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'set-cookie': 'session=abc' }, body: '{"id":"r-1"}' },
  durationMs: 3.5,
  ...overrides,
});

describe('toJournalEntry: the answer', () => {
  it('records status, headers (secrets masked), body, duration and outcome', () => {
    const entry = toJournalEntry(exchange(), 1, new Date(0), undefined);
    expect(entry.response).toEqual({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'set-cookie': '***' }, body: '{"id":"r-1"}' });
    expect(entry.durationMs).toBe(3.5);
    expect(entry.outcome).toBe('answered');
  });

  it('masks a request secret the answer repeats, and cuts a long answer like a long request', () => {
    const long = 'x'.repeat(MAX_JOURNAL_BODY_CHARS + 10);
    const entry = toJournalEntry(exchange({ response: { status: 200, headers: {}, body: `secret-token ${long}` } }), 1, new Date(0), undefined);
    expect(entry.response.body).not.toContain('secret-token');
    expect(entry.response.body).toHaveLength(MAX_JOURNAL_BODY_CHARS);
    expect(entry.response.bodyTruncated).toBe(true);
  });

  it('names an injected fault as the outcome', () => {
    expect(toJournalEntry(exchange({ scenario: { fault: 'timeout' } }), 1, new Date(0), undefined).outcome).toBe('timeout');
  });
});
