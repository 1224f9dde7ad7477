import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildVendorCatalogue } from '../../src/contract/vendor-catalogue.js';
import { loadSpec } from '../../src/spec/load-spec.js';
import { vendorPlugins } from '../../src/vendors/index.js';
import { describe, expect, it } from 'vitest';
import { approximateEntryBytes, createJournal } from '../../src/contract/create-journal.js';
import { identifyClient } from '../../src/contract/identify-client.js';
import { MASK } from '../../src/contract/mask-secrets.js';
import { toJournalEntry } from '../../src/contract/to-journal-entry.js';
import type { JournalEntry } from '../../src/contract/journal-entry.js';
import { createTestMock } from '../helpers/mock-client.js';

const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('client identity', () => {
  it.each([
    [{ 'x-mock-client': 'erp-connector', 'x-appid': 'App/1.0', authorization: basic('admin', 'pw') }, 'erp-connector'],
    [{ 'x-appid': 'App/1.0', authorization: basic('admin', 'pw') }, 'App/1.0'],
    // The user name may be an API key: a stable hash names the client instead.
    [{ authorization: basic('admin', 'pw') }, `basic-${createHash('sha256').update('admin').digest('hex').slice(0, 8)}`],
    [{ authorization: `Bearer ${jwt({ client_id: 'portal', sub: 'user-1' })}` }, 'portal'],
    [{ authorization: `Bearer ${jwt({ sub: 'user-1' })}` }, 'user-1'],
    [{ authorization: 'Bearer opaque-token' }, 'anonymous'],
    [{}, 'anonymous'],
  ])('%j → %s', (headers, client) => {
    expect(identifyClient(headers, ['x-appid'])).toBe(client);
  });
});

describe('journal entry masking', () => {
  // `saas-token` is what the Emporix plugin declares as a secret header (see the catalogue test below).
  const catalogue = { vendor: 'x', title: 'X', operations: [], secretHeaders: ['x-shop-key', 'saas-token'], clientHeaders: [], secretQuery: ['api_key'] };
  const exchange = (headers: Record<string, string>, body?: string, query = '') => ({
    vendor: 'x',
    operationId: 'op',
    request: { method: 'POST', baseUrl: 'http://h/x', path: '/p', query, headers, body: body === undefined ? undefined : new TextEncoder().encode(body) },
    violations: [
      {
        code: 'request.header.pattern',
        location: 'header' as const,
        pointer: '/x-shop-key',
        message: "'s3cr3t-key' must match",
        specPointer: '#/x',
        operationId: 'op',
        value: 's3cr3t-key',
      },
    ],
    response: { status: 400 },
  });

  it('masks credentials in headers, the spec’s apiKey headers and query, and wherever else the secret appears', () => {
    const entry = toJournalEntry(
      exchange(
        {
          authorization: basic('admin', 'hunter22'),
          'x-api-key': 'key-123456',
          'saas-token': 'customer-token',
          cookie: 'session=abcdef',
          'x-shop-key': 's3cr3t-key',
          accept: 'application/json',
        },
        '{"password":"hunter22","note":"s3cr3t-key"}',
        'api_key=query-secret&page=2',
      ),
      1,
      new Date(0),
      catalogue,
    );
    expect(entry.request.headers).toEqual({ authorization: `Basic ${MASK}`, 'x-api-key': MASK, 'saas-token': MASK, cookie: MASK, 'x-shop-key': MASK, accept: 'application/json' });
    expect(new URLSearchParams(entry.request.query).get('api_key')).toBe(MASK);
    expect(new URLSearchParams(entry.request.query).get('page')).toBe('2');
    const text = JSON.stringify(entry);
    for (const secret of ['hunter22', 'key-123456', 'customer-token', 'abcdef', 's3cr3t-key', 'query-secret', Buffer.from('admin:hunter22').toString('base64')])
      expect(text).not.toContain(secret);
    expect(entry.client).toMatch(/^basic-[0-9a-f]{8}$/);
  });

  it('keeps the scheme of a bearer token but never the token', () => {
    const entry = toJournalEntry(exchange({ authorization: 'Bearer eyJ.abc.def' }), 1, new Date(0), catalogue);
    expect(entry.request.headers.authorization).toBe(`Bearer ${MASK}`);
  });
});

describe('credentials in the query string', () => {
  it('masks OAuth access tokens and common key parameters the spec does not declare, in the journal, its file and every report', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-journal-'));
    try {
      const file = path.join(dir, 'journal.ndjson');
      const { send, store, journal, report } = await createTestMock({ vendors: ['emporix'], journal: file, mode: 'lenient' });
      await send('GET', '/emporix/return/acme/returns?access_token=oauth-secret-1&pageSize=61&Token=other-secret-2&api_key=key-secret-3');
      await send('GET', '/emporix/nope?apikey=key-secret-4');
      await store.close();
      const [first] = journal();
      expect(new URLSearchParams(first!.request.query).get('pageSize')).toBe('61');
      expect([...new URLSearchParams(first!.request.query).keys()]).toEqual(['access_token', 'pageSize', 'Token', 'api_key']);
      const outputs = [await readFile(file, 'utf8'), JSON.stringify(journal()), ...(['json', 'junit', 'md', 'html'] as const).map((format) => report({ format }))];
      for (const output of outputs) for (const secret of ['oauth-secret-1', 'other-secret-2', 'key-secret-3', 'key-secret-4']) expect(output).not.toContain(secret);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('journal bound', () => {
  const entry = (seq: number) => ({ seq }) as JournalEntry;

  it('keeps the newest entries up to the limit and counts the dropped ones; the sink sees all', () => {
    const sunk: number[] = [];
    const journal = createJournal({ limit: 3, sink: (e) => sunk.push(e.seq) });
    for (let seq = 1; seq <= 5; seq += 1) journal.append(entry(seq));
    expect(journal.list().map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(journal.dropped()).toBe(2);
    expect(sunk).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a limit below 1', () => {
    expect(() => createJournal({ limit: 0 })).toThrow(/at least 1/);
    expect(() => createJournal({ limit: 10, maxBytes: 0 })).toThrow(/byte limit .* at least 1/);
  });

  it('keeps the newest entries whose memory fits the byte limit, and always the newest one', () => {
    const heavy = (seq: number) => ({ seq, request: { body: 'x'.repeat(10_000) } }) as unknown as JournalEntry;
    const size = approximateEntryBytes(heavy(1));
    const journal = createJournal({ limit: 1000, maxBytes: 3 * size + 10 });
    for (let seq = 1; seq <= 10; seq += 1) journal.append(heavy(seq));
    expect(journal.list().map((e) => e.seq)).toEqual([8, 9, 10]);
    expect(journal.dropped()).toBe(7);
    const tiny = createJournal({ limit: 1000, maxBytes: size - 1 });
    tiny.append(heavy(1));
    tiny.append(heavy(2));
    expect(tiny.list().map((e) => e.seq)).toEqual([2]);
  });
});

describe('journal of a running mock', () => {
  it('holds its entries to --journal-limit-bytes, counted from above the bytes their JSON takes', async () => {
    const { send, contract, store } = await createTestMock({ vendors: ['emporix'], journalLimitBytes: 65_536 });
    const note = 'é'.repeat(12_000);
    for (let n = 1; n <= 20; n += 1) await send('POST', '/emporix/return/acme/returns', { body: { note, n } });
    await store.close();
    const kept = contract.journal.list();
    expect(kept.at(-1)?.seq).toBe(20);
    expect(contract.journal.dropped()).toBe(20 - kept.length);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.reduce((sum, entry) => sum + approximateEntryBytes(entry), 0)).toBeLessThanOrEqual(65_536);
    for (const entry of kept) expect(approximateEntryBytes(entry)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(entry)));
  });
});

describe('journal of a running mock', () => {
  it('appends every entry to the NDJSON file, as the in-memory journal has it, secrets masked', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-journal-'));
    try {
      const file = path.join(dir, 'nested', 'journal.ndjson');
      const { send, contract, store } = await createTestMock({ vendors: ['emporix'], journal: file, journalLimit: 2 });
      await send('GET', '/emporix/return/acme/returns', { headers: { authorization: 'Bearer top-secret-token' } });
      await send('GET', '/emporix/return/acme/returns?pageSize=61', { headers: { authorization: 'Bearer top-secret-token' } });
      await send('GET', '/emporix/nope', {});
      await store.close();
      const text = await readFile(file, 'utf8');
      const lines = text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as JournalEntry);
      expect(lines.map((e) => [e.seq, e.operationId, e.status])).toEqual([
        [1, 'listReturns', 200],
        [2, 'listReturns', 400],
        [3, null, 404],
      ]);
      expect(contract.journal.list()).toEqual(lines.slice(1));
      expect(text).not.toContain('top-secret-token');
      expect(lines[1]!.violations.map((v) => [v.code, v.pointer])).toEqual([['request.query.maximum', '/pageSize']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('vendor knowledge comes from the plugins', () => {
  it("masks Emporix's saas-token and names a JTL client by its x-appid, as their plugins declare", async () => {
    const byId = new Map(vendorPlugins.map((plugin) => [plugin.id, plugin]));
    const emporix = buildVendorCatalogue(byId.get('emporix')!, (await loadSpec(byId.get('emporix')!.specFile)).index);
    const jtl = buildVendorCatalogue(byId.get('jtl')!, (await loadSpec(byId.get('jtl')!.specFile)).index);
    expect(emporix.secretHeaders).toContain('saas-token');
    expect(jtl.secretHeaders).not.toContain('saas-token');
    const request = { method: 'GET', baseUrl: 'http://h/x', path: '/p', query: '', headers: { 'x-appid': 'MyApp/1.0.0', 'saas-token': 'session-1' }, body: undefined };
    const recorded = { vendor: 'jtl', operationId: undefined, request, violations: [], response: { status: 200 } };
    expect(toJournalEntry(recorded, 1, new Date(0), jtl).client).toBe('MyApp/1.0.0');
    expect(toJournalEntry(recorded, 1, new Date(0), emporix).client).toBe('anonymous');
    expect(toJournalEntry({ ...recorded, vendor: 'emporix' }, 1, new Date(0), emporix).request.headers['saas-token']).toBe(MASK);
  });
});
