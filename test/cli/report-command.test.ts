import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';
import { runCli, startCli } from '../helpers/spawn-cli.js';
import { reportSchemaErrors } from '../contract/report-schema.js';

const dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-report-cmd-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('returns-mock report', () => {
  it('builds the report from a journal file, filtered, in any format; exit 1 on fail', async () => {
    const journal = path.join(dir, 'journal.ndjson');
    const { send, store } = await createTestMock({ vendors: ['emporix'], journal });
    await send('GET', '/emporix/return/acme/returns', { headers: { authorization: 'Bearer t', 'x-mock-client': 'good' } });
    await send('GET', '/emporix/return/acme/returns?pageSize=61', { headers: { authorization: 'Bearer t', 'x-mock-client': 'bad' } });
    await store.close();

    const all = await runCli(['report', '--journal', journal]);
    expect(all.code).toBe(1);
    const report = JSON.parse(all.stdout);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.results.map((r: { client: string; verdict: string }) => [r.client, r.verdict])).toEqual([['bad', 'fail'], ['good', 'pass']]);

    const good = await runCli(['report', '--journal', journal, '--client', 'good', '--format', 'md']);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('| good | emporix | pass | 1/6 (16.6%) | 1 | 0 |');

    const covered = await runCli(['report', '--journal', journal, '--client', 'good', '--require-coverage', '20']);
    expect(covered.code).toBe(1);
  });

  it('reads a running server’s report through its admin API and writes it to --out', async () => {
    const server = await startCli(['--vendor', 'jtl', '--mode', 'lenient']);
    try {
      const response = await fetch(`${server.url}/jtl/erp/returns`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-mock-client': 'ci' }, body: '{}' });
      expect(response.status).toBe(201);
      expect(Number(response.headers.get('x-mock-violations'))).toBeGreaterThan(0);
      const out = path.join(dir, 'report.xml');
      const result = await runCli(['report', '--url', server.url, '--format', 'junit', '--out', out]);
      expect(result.code).toBe(1);
      const junit = await readFile(out, 'utf8');
      expect(junit).toContain('<testsuite name="ci → jtl"');
      expect(junit).toContain('request.security.missing at security /Authorization');
    } finally {
      await server.stop();
    }
  });

  it('presents the admin token of a protected server', async () => {
    const server = await startCli(['--vendor', 'jtl', '--admin-token', 'report-token-1']);
    try {
      const refused = await runCli(['report', '--url', server.url]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('401');
      const fromFlag = await runCli(['report', '--url', server.url, '--admin-token', 'report-token-1']);
      expect(fromFlag.code).toBe(0);
      expect(JSON.parse(fromFlag.stdout).verdict).toBe('pass');
      const fromEnv = await runCli(['report', '--url', server.url], 15_000, { env: { ...process.env, RETURNS_MOCK_ADMIN_TOKEN: 'report-token-1' } });
      expect(fromEnv.code).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('refuses bad options with exit 2', async () => {
    expect((await runCli(['report', '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(['report', '--url', 'http://x', '--journal', 'y'])).code).toBe(2);
  });
});
