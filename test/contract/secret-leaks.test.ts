import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../src/contract/index.js';
import { createTestMock } from '../helpers/mock-client.js';

const ADMIN_TOKEN = 'admin-token-7f3a9c';
const AUTH_TOKEN = 'x-auth-secret-51de';
const SESSION = 'session-secret-88aa';
const USER_AS_KEY = 'APIKEY-IN-USERNAME-0042';
const PASSWORD = 'basic-pass-3c1e';
const SECRETS = [ADMIN_TOKEN, AUTH_TOKEN, SESSION, USER_AS_KEY, PASSWORD];

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe("the mock's own admin token and every credential-bearing header stay out of the journal, its file and every report", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'returns-mock-secrets-'));
  const journalFile = path.join(dir, 'journal.ndjson');
  const mock = await createTestMock({ adminToken: ADMIN_TOKEN, journal: journalFile });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // Careless clients: the admin token sent to vendor routes in its own headers, a query parameter and a body; other
  // credential headers; an API key sent as the Basic user name.
  await mock.send('GET', '/emporix/return/acme/returns', { headers: { authorization: 'Bearer t', 'x-admin-token': ADMIN_TOKEN, 'x-auth-token': AUTH_TOKEN } });
  await mock.send('GET', `/emporix/return/acme/returns?debug=${ADMIN_TOKEN}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'x-session-token': SESSION } });
  await mock.send('POST', '/emporix/return/acme/returns', { headers: { authorization: 'Bearer t', 'x-note': `token is ${ADMIN_TOKEN}` }, body: { orders: ADMIN_TOKEN } });
  await mock.send('GET', '/intershop/shops/s/return-reasons', { headers: { authorization: basic(USER_AS_KEY, PASSWORD), 'x-auth-token': AUTH_TOKEN } });
  await mock.send('POST', '/intershop/shops/s/orders/1/return-requests', {
    headers: { authorization: basic(USER_AS_KEY, PASSWORD), 'content-type': 'application/vnd.intershop.return-request.v1+json' },
    body: { type: 7 },
  });
  await mock.send('POST', '/shopctrl/v1/Returns', { headers: { 'x-admin-token': ADMIN_TOKEN, 'x-mock-client': 'shop-client' }, body: {} });

  it('journal entries', () => {
    const text = JSON.stringify(mock.journal());
    expect(mock.journal().length).toBe(6);
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
    expect(mock.journal()[0]!.request.headers['x-admin-token']).toBe('***');
    expect(mock.journal()[0]!.request.headers['x-auth-token']).toBe('***');
  });

  it('the journal file', () => {
    const text = readFileSync(journalFile, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(6);
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
  });

  it.each(REPORT_FORMATS)('the %s report', (format) => {
    const text = mock.report({ format });
    expect(typeof text).toBe('string');
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
  });

  it('names a Basic-auth client by a stable short hash of the user name, never the name itself; x-mock-client still wins', () => {
    const clients = mock.journal().map((entry) => entry.client);
    const iom = clients.slice(3, 5);
    expect(iom[0]).toBe(iom[1]);
    expect(iom[0]).toMatch(/^basic-[0-9a-f]{8}$/);
    expect(clients[5]).toBe('shop-client');
  });
});
