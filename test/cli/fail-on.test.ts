import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';
import { runCli, startCli } from '../helpers/spawn-cli.js';

const dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-fail-on-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A misspelt query parameter: a notice, which passes unless `--fail-on notice`. */
const MISSPELT = '/emporix/return/acme/returns?pageSise=5';

describe('--fail-on', () => {
  it('report --journal: a notice passes by default and fails with --fail-on notice; a bad level is a usage error', async () => {
    const journal = path.join(dir, 'journal.ndjson');
    const { send, store } = await createTestMock({ vendors: ['emporix'], journal });
    expect((await send('GET', MISSPELT, { headers: { authorization: 'Bearer t' } })).status).toBe(200);
    await store.close();
    expect((await runCli(['report', '--journal', journal])).code).toBe(0);
    const strict = await runCli(['report', '--journal', journal, '--fail-on', 'notice']);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({ verdict: 'fail', failOn: 'notice' });
    expect((await runCli(['report', '--journal', journal, '--fail-on', 'risk'])).code).toBe(0);
    const bad = await runCli(['report', '--journal', journal, '--fail-on', 'warning']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-on');
  });

  it('serve --fail-on notice and the config file’s failOn set the report’s default; ?failOn= overrides it', async () => {
    const configDir = await mkdtemp(path.join(dir, 'config-'));
    await writeFile(path.join(configDir, 'returns-mock.config.json'), JSON.stringify({ failOn: 'notice' }));
    for (const [args, place] of [
      [['--vendors', 'emporix', '--fail-on', 'notice'], {}],
      [['--vendors', 'emporix'], { cwd: configDir }],
    ] as const) {
      const server = await startCli([...args], 15_000, place);
      try {
        await fetch(`${server.url}${MISSPELT}`, { headers: { authorization: 'Bearer t' } });
        expect(((await (await fetch(`${server.url}/__admin/report`)).json()) as { verdict: string }).verdict).toBe('fail');
        expect(((await (await fetch(`${server.url}/__admin/report?failOn=violation`)).json()) as { verdict: string }).verdict).toBe('pass');
      } finally {
        await server.stop();
      }
    }
  });
});
