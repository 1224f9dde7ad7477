import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { reportCommand } from '../../src/cli/report-command.js';
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
    expect(report.results.map((r: { client: string; verdict: string }) => [r.client, r.verdict])).toEqual([
      ['bad', 'fail'],
      ['good', 'pass'],
    ]);

    const good = await runCli(['report', '--journal', journal, '--client', 'good', '--format', 'md']);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('| good | emporix | pass | 1/6 (16.6%) | 1 | 0 |');

    const covered = await runCli(['report', '--journal', journal, '--client', 'good', '--require-coverage', '20']);
    expect(covered.code).toBe(1);
  });

  it('reads a running server’s report through its admin API and writes it to --out', async () => {
    const server = await startCli(['--vendors', 'jtl', '--mode', 'lenient']);
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
    const server = await startCli(['--vendors', 'jtl', '--admin-token', 'report-token-1']);
    try {
      const refused = await runCli(['report', '--url', server.url]);
      expect(refused.code).toBe(2);
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

  it('tells no mock answering (exit 2, with the cause) from a fail verdict (exit 1)', async () => {
    const server = await startCli(['--vendors', 'jtl']);
    const url = server.url;
    await server.stop();
    const nobody = await runCli(['report', '--url', url]);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain(`no mock answering at ${url} (ECONNREFUSED)`);
  });
});

describe('returns-mock report --journal, in process', () => {
  const errors: string[] = [];
  const run = async (args: string[]) => {
    errors.length = 0;
    const spy = vi.spyOn(console, 'error').mockImplementation((text: string) => void errors.push(text));
    try {
      return await reportCommand(args, {});
    } finally {
      spy.mockRestore();
    }
  };
  const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');

  it('skips an entry torn by a kill, at the end of the file and after a restart appended to it', async () => {
    const journal = path.join(dir, 'torn.ndjson');
    const headers = { authorization: 'Bearer t', 'x-mock-client': 'ci' };
    const first = await createTestMock({ vendors: ['emporix'], journal });
    await first.send('GET', '/emporix/return/acme/returns', { headers });
    await first.send('GET', '/emporix/return/acme/returns?pageSize=61', { headers });
    await first.store.close();
    // A kill during the third write leaves half a line without its newline.
    const [whole] = await lines(journal);
    await appendFile(journal, whole!.slice(0, 40));
    const out = path.join(dir, 'torn.json');
    expect(await run(['--journal', journal, '--out', out])).toBe(1);
    expect(errors).toEqual([`returns-mock report: ${journal}:3 holds an entry torn by a killed run; skipped`]);
    const { violations } = JSON.parse(await readFile(out, 'utf8')).summary;
    expect(violations).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(out, 'utf8')).summary.requests).toBe(2);

    // The next run appends right after the torn half line.
    const second = await createTestMock({ vendors: ['emporix'], journal });
    await second.send('GET', '/emporix/return/acme/returns/r-1', { headers });
    await second.store.close();
    expect(await run(['--journal', journal, '--out', out])).toBe(1);
    expect(errors).toEqual([`returns-mock report: ${journal}:3 holds an entry torn by a killed run; skipped`]);
    const report = JSON.parse(await readFile(out, 'utf8'));
    // The second run's request to a return that does not exist is refused: one violation more.
    expect(report.summary).toMatchObject({ requests: 3, violations: violations + 1 });
    expect(report.results[0].operations.filter((o: { exercised: boolean }) => o.exercised).map((o: { operationId: string }) => o.operationId)).toEqual([
      'listReturns',
      'getReturn',
    ]);
  });

  it('still refuses a line that is not JSON in the middle of the file', async () => {
    const journal = path.join(dir, 'broken.ndjson');
    await writeFile(journal, 'not json\n');
    expect(await run(['--journal', journal])).toBe(2);
    expect(errors).toEqual([`returns-mock report: ${journal}:1 is not JSON`]);
  });

  it('refuses a journal whose vendor it has no spec for, rather than report it fully covered and without failing cases', async () => {
    const journal = path.join(dir, 'generic.ndjson');
    const spec = path.join(dir, 'petstore.yaml');
    await writeFile(
      spec,
      'openapi: 3.0.3\ninfo: { title: Pets, version: "1" }\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses: { "200": { description: ok } }\n  /pets/{id}:\n    get:\n      operationId: getPet\n      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]\n      responses: { "200": { description: ok }, "400": { description: bad, content: { application/problem+json: { schema: { type: object } } } } }\n',
    );
    const mock = await createTestMock({ vendors: [], spec: [{ file: spec }], journal });
    await mock.send('GET', '/petstore/pets/abc', { headers: { 'x-mock-client': 'ci' } });
    await mock.store.close();
    const out = path.join(dir, 'generic.xml');
    expect(await run(['--journal', journal, '--format', 'junit', '--out', out])).toBe(2);
    expect(errors).toEqual([
      `returns-mock report: ${journal} has requests to 'petstore', which no bundled vendor or --spec provides: give the spec the mock served with --spec FILE`,
    ]);
    expect(await run(['--journal', journal, '--spec', spec, '--format', 'junit', '--out', out])).toBe(1);
    expect(await readFile(out, 'utf8')).toContain('<testsuite name="ci → petstore" tests="2" failures="1" skipped="1"');
  });
});
