import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toStartOptions } from '../../src/cli/mock-options.js';
import { resolveSettings } from '../../src/cli/settings.js';
import { runCli, startCli, type RunningCli } from '../helpers/spawn-cli.js';

const employee = { authorization: 'Bearer employee-token' };

async function dirWithConfig(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'returns-mock-config-'));
  await writeFile(path.join(dir, name), text);
  return dir;
}

/** Environment without any RETURNS_MOCK_* of the developer's shell, plus `extra`. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('RETURNS_MOCK_') && key !== 'PORT' && key !== 'HOST'));
  return { ...env, ...extra };
}

/** Waits (bounded) until the CLI's output holds `text`. */
async function outputContains(cli: RunningCli, text: string): Promise<string> {
  for (let attempt = 0; attempt < 50 && !cli.output().includes(text); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  return cli.output();
}

describe('settings: command line > environment > config file > defaults', () => {
  it('reads returns-mock.config.yaml from the working directory and logs one JSON line per request', async () => {
    const cwd = await dirWithConfig('returns-mock.config.yaml', '# yaml-language-server: $schema=returns-mock.config.schema.json\nvendors: [emporix]\nlogFormat: json\n');
    const cli = await startCli([], 15_000, { cwd, env: cleanEnv() });
    try {
      expect(cli.output()).toContain('Emporix');
      expect(cli.output()).not.toContain('ShopCtrl');
      expect(cli.output()).toContain('"config":');
      const response = await fetch(`${cli.url}/emporix/return/acme/returns?pageSize=1`, { headers: employee });
      expect(response.status).toBe(200);
      const output = await outputContains(cli, '"status":200');
      const line = output.split('\n').find((candidate) => candidate.includes('"status":200'))!;
      // pino's format: numeric levels (30 = info).
      expect(JSON.parse(line)).toMatchObject({
        level: 30,
        vendor: 'emporix',
        operation: 'listReturns',
        method: 'GET',
        path: '/emporix/return/acme/returns?pageSize=1',
        status: 200,
        violations: [],
      });
    } finally {
      await cli.stop();
    }
  });

  it('an environment variable beats the file, and an option beats both', async () => {
    const cwd = await dirWithConfig('returns-mock.config.json', JSON.stringify({ vendors: ['emporix'], logFormat: 'json' }));
    const fromEnv = await startCli([], 15_000, { cwd, env: cleanEnv({ RETURNS_MOCK_LOG_FORMAT: 'text', RETURNS_MOCK_VENDORS: 'shopctrl' }) });
    try {
      expect(fromEnv.output()).toContain('ShopCtrl');
      expect(fromEnv.output()).not.toContain('Emporix');
      await fetch(`${fromEnv.url}/shopctrl/v1/Returns`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(await outputContains(fromEnv, ' 400 ')).toMatch(/POST\s+\/shopctrl\/v1\/Returns 400 [\d.]+ms \d+ violations?/);
    } finally {
      await fromEnv.stop();
    }
    const fromOption = await startCli(['--vendors', 'jtl'], 15_000, { cwd, env: cleanEnv({ RETURNS_MOCK_VENDORS: 'shopctrl' }) });
    try {
      expect(fromOption.output()).toContain('JTL');
      expect(fromOption.output()).not.toContain('ShopCtrl');
    } finally {
      await fromOption.stop();
    }
  });

  it('a relative path in a config file is relative to that file; one from an option or the environment to the working directory', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'returns-mock-config-'));
    await mkdir(path.join(cwd, 'config'));
    await writeFile(path.join(cwd, 'config', 'mock.yaml'), 'fixtures: fx\ndb: data/store.json\njournal: ../logs/journal.ndjson\nspec: [/things=things.yaml, other.yaml]\n');
    const fromFile = toStartOptions(resolveSettings({ flags: {}, env: {}, configFile: 'config/mock.yaml', cwd }));
    expect(fromFile).toMatchObject({
      fixtures: path.join(cwd, 'config', 'fx'),
      db: path.join(cwd, 'config', 'data', 'store.json'),
      journal: path.join(cwd, 'logs', 'journal.ndjson'),
      spec: [{ prefix: '/things', file: path.join(cwd, 'config', 'things.yaml') }, { file: path.join(cwd, 'config', 'other.yaml') }],
    });
    const fromOutside = resolveSettings({ flags: { fixtures: 'fx' }, env: { RETURNS_MOCK_DB: 'store.json' }, configFile: 'config/mock.yaml', cwd });
    expect(fromOutside.values).toMatchObject({ fixtures: 'fx', db: 'store.json' });
  });

  it('reads --require-coverage as a plain decimal from 0 to 100, as report and ?requireCoverage= do', () => {
    const cwd = process.cwd();
    expect(resolveSettings({ flags: { requireCoverage: '62.5' }, env: {}, cwd }).values.requireCoverage).toBe(62.5);
    for (const raw of ['0x32', '1e2', ' 50', '101', '-1']) {
      expect(() => resolveSettings({ flags: { requireCoverage: raw }, env: {}, cwd })).toThrow(`--require-coverage must be`);
    }
  });

  it('names every bad value with its source, and unknown config keys', async () => {
    const cwd = await dirWithConfig('returns-mock.config.yaml', 'seed: -1\nprot: 4010\n');
    const result = await runCli(['serve', '--in-memory'], 15_000, { cwd, env: cleanEnv({ RETURNS_MOCK_AUTH: 'maybe' }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("returns-mock.config.yaml: seed must be a whole number from 0 to 2147483647, not '-1'");
    expect(result.stderr).toContain("env RETURNS_MOCK_AUTH must be one of open, strict, not 'maybe'");
    expect(result.stderr).toContain("returns-mock.config.yaml: unknown option 'prot' (did you mean 'port'?)");
  });

  it('scenario rules from the config file change answers; a rule forcing an undocumented status stops the start', async () => {
    const cwd = await dirWithConfig('returns-mock.config.yaml', 'vendors: [emporix]\nscenarios:\n  - { vendor: emporix, operation: listReturns, status: 400 }\n');
    const cli = await startCli([], 15_000, { cwd, env: cleanEnv() });
    try {
      expect((await fetch(`${cli.url}/emporix/return/acme/returns`, { headers: employee })).status).toBe(400);
    } finally {
      await cli.stop();
    }
    const bad = await dirWithConfig('returns-mock.config.yaml', 'scenarios:\n  - { vendor: emporix, operation: listReturns, status: 418, colour: red }\n');
    const refused = await runCli(['serve', '--in-memory', '--port', '0'], 15_000, { cwd: bad, env: cleanEnv() });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("scenarios[0]: unknown key 'colour'");
    const undocumented = await dirWithConfig('returns-mock.config.yaml', 'scenarios:\n  - { vendor: emporix, operation: listReturns, status: 418 }\n');
    const stopped = await runCli(['serve', '--in-memory', '--port', '0'], 15_000, { cwd: undocumented, env: cleanEnv() });
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('status 418 is not documented by listReturns');
  });

  it('--log-level warn logs only requests with violations', async () => {
    const cli = await startCli(['--vendors', 'emporix', '--log-level', 'warn'], 15_000, { env: cleanEnv() });
    try {
      await fetch(`${cli.url}/emporix/return/acme/returns?pageSize=1`, { headers: employee });
      await fetch(`${cli.url}/emporix/return/acme/returns?pageSize=abc`, { headers: employee });
      const output = await outputContains(cli, ' 400 ');
      expect(output).toMatch(/GET\s+\/emporix\/return\/acme\/returns\?pageSize=abc 400 [\d.]+ms 1 violation/);
      expect(output).not.toMatch(/ 200 [\d.]+ms/);
    } finally {
      await cli.stop();
    }
  });
});
