import { describe, expect, it } from 'vitest';
import { startMock } from '../../src/index.js';
import { createTestMock } from '../helpers/mock-client.js';
import { runCli } from '../helpers/spawn-cli.js';

const TOKEN = 'admin-secret-123';

describe('admin token', async () => {
  const { send } = await createTestMock({ vendors: ['emporix'], adminToken: TOKEN });

  it('refuses the admin API without the token, or with a wrong one, with 401 and a hint', async () => {
    const wrong: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong-token' }, { 'x-admin-token': `${TOKEN}x` }, { authorization: `Basic ${TOKEN}` }];
    for (const headers of wrong) {
      const answer = await send('GET', '/__admin/state', { headers });
      expect(answer.status).toBe(401);
      expect(answer.json.error).toContain('x-admin-token');
      expect(answer.headers.get('www-authenticate')).toContain('Bearer');
    }
    expect((await send('POST', '/__admin/reset')).status).toBe(401);
    expect((await send('GET', '/__admin/journal')).status).toBe(401);
  });

  it('accepts it as a bearer token, an x-admin-token header or a token query parameter', async () => {
    expect((await send('GET', '/__admin/state', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await send('GET', '/__admin/state', { headers: { 'x-admin-token': TOKEN } })).status).toBe(200);
    expect((await send('GET', `/__admin/report?token=${TOKEN}`)).status).toBe(200);
  });

  it('leaves the vendor APIs alone', async () => {
    expect((await send('GET', '/emporix/return/acme/returns', { headers: { authorization: 'Bearer t' } })).status).toBe(200);
  });

  it('keeps the admin API open without a token', async () => {
    const open = await createTestMock({ vendors: ['emporix'] });
    expect((await open.send('GET', '/__admin/state')).status).toBe(200);
  });

  it('refuses pages of other origins, token or not, and serves its own', async () => {
    const open = await createTestMock({ vendors: ['emporix'] });
    const crossSite = await open.send('POST', '/__admin/reset', { headers: { origin: 'https://evil.example', host: 'localhost' } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.error).toContain('other origins');
    expect((await send('GET', '/__admin/state', { headers: { origin: 'https://evil.example', host: 'localhost', 'x-admin-token': TOKEN } })).status).toBe(403);
    expect((await open.send('POST', '/__admin/reset', { headers: { origin: 'http://localhost', host: 'localhost' } })).status).toBe(200);
  });

  it('without a token, refuses a request addressed to a name other than loopback (DNS rebinding), and answers one with the token', async () => {
    const open = await createTestMock({ vendors: ['emporix'] });
    // A page on rebound.example whose name now resolves to 127.0.0.1: same origin as far as the browser knows.
    const rebound = { origin: 'http://rebound.example:4010', host: 'rebound.example:4010' };
    const refused = await open.send('POST', '/__admin/reset', { headers: rebound });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toContain('--admin-token');
    expect((await open.send('GET', '/__admin/state', { headers: { host: 'rebound.example' } })).status).toBe(403);
    for (const host of ['localhost:4010', '127.0.0.1:4010', '[::1]:4010', 'LOCALHOST']) expect((await open.send('GET', '/__admin/state', { headers: { host } })).status).toBe(200);
    expect((await send('GET', '/__admin/state', { headers: { ...rebound, 'x-admin-token': TOKEN } })).status).toBe(200);
  });

  it('refuses a token shorter than 8 characters', async () => {
    await expect(createTestMock({ vendors: ['emporix'], adminToken: 'short' })).rejects.toThrow('at least 8 characters');
  });
});

describe('binding off loopback', () => {
  it('needs an admin token in the API', async () => {
    await expect(startMock({ host: '0.0.0.0', port: 0, inMemory: true, vendors: ['emporix'] })).rejects.toThrow('--admin-token');
    const mock = await startMock({ host: '0.0.0.0', port: 0, inMemory: true, vendors: ['emporix'], adminToken: TOKEN });
    try {
      const port = new URL(mock.url).port;
      expect((await fetch(`http://127.0.0.1:${port}/__admin/state`)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/__admin/state`, { headers: { 'x-admin-token': TOKEN } })).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it('needs an admin token on the command line, and says so', async () => {
    const run = await runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--in-memory']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--admin-token');
  });
});
