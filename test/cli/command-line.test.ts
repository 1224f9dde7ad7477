import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, runCli, startCli } from '../helpers/spawn-cli.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const employee = { authorization: 'Bearer employee-token' };

/** The environment without the developer's RETURNS_MOCK_* settings. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('RETURNS_MOCK_') && key !== 'PORT' && key !== 'HOST'));

describe('the command line helps', () => {
  it('prints the version three ways', async () => {
    for (const args of [['--version'], ['-v'], ['version']]) {
      const result = await runCli(args);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(VERSION);
    }
  });

  it('reports a mistyped option in one line with a "did you mean", then one line pointing to the help, exit 2', async () => {
    const result = await runCli(['serve', '--prot', '1'], 15_000, { env: cleanEnv });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      "returns-mock: unknown option '--prot' (did you mean --port?)",
      "Run 'returns-mock help serve' (or --help) for the options.",
    ]);
    expect(result.stdout).toBe('');
  });

  it('reports every bad option at once', async () => {
    const result = await runCli(['serve', '--sed', '3', '--seed', '-5', '--mode', 'loose'], 15_000, { env: cleanEnv });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        "returns-mock: unknown option '--sed' (did you mean --seed?)",
        "returns-mock: --seed must be a whole number from 0 to 2147483647, not '-5'",
        "returns-mock: --mode must be one of strict, lenient, not 'loose'",
      ]),
    );
    expect(lines).toHaveLength(4);
  });

  it('takes an old flag with a deprecation warning', async () => {
    const result = await runCli(['serve', '--vendor', 'emporix', '--port', 'x'], 15_000, { env: cleanEnv });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain("unknown option '--vendor'");
    const accepted = await runCli(['test', '--vendor', 'emporix', '--', process.execPath, '-e', ''], 30_000, {
      env: cleanEnv,
      cwd: await import('node:os').then((os) => os.tmpdir()),
    });
    expect(accepted.stderr).toContain('--vendor is deprecated and will be removed in the next release: use --vendors');
  });

  it('help [command] shows a command\'s options; an unknown command gets a "did you mean"', async () => {
    const serve = await runCli(['help', 'serve']);
    expect(serve.code).toBe(0);
    expect(serve.stdout).toContain('--max-body BYTES');
    expect((await runCli(['help', 'test'])).stdout).toContain('--report-dir DIR');
    expect((await runCli(['help'])).stdout).toContain('Commands:');
    const unknown = await runCli(['srve']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'srve' (did you mean 'serve'?)");
  });

  it('with --log-format json every line on stdout is JSON, banner and stop line included; request lines carry the masked query and the injected delay', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--in-memory', '--vendors', 'emporix', '--log-format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cleanEnv,
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    for (let attempt = 0; attempt < 300 && !stdout.includes('listening on'); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const banner = JSON.parse(stdout.split('\n')[0]!);
    expect(banner).toMatchObject({ level: 30, mode: 'strict', seed: 1, auth: 'open', state: 'in memory (nothing kept on disk)' });
    await fetch(`${banner.url}/emporix/return/acme/returns?pageSize=1`, { headers: { ...employee, prefer: 'delay=300' } });
    for (let attempt = 0; attempt < 100 && !stdout.includes('"status"'); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const lines = stdout.trim().split('\n');
    const records = lines.map((line) => JSON.parse(line));
    const request = records.find((record) => record.status !== undefined);
    expect(request).toMatchObject({ path: '/emporix/return/acme/returns?pageSize=1', status: 200 });
    expect(request.ms).toBeGreaterThanOrEqual(300);
    expect(records.at(-1).msg).toMatch(/^returns-mock stopped \(SIGINT\); store closed/);
  });

  it('the banner says where the state is, the mode, seed and auth; Ctrl-C says the server stopped and the store is closed', async () => {
    const db = path.join(await mkdtemp(path.join(tmpdir(), 'returns-mock-banner-')), 'store.json');
    const cli = await startCli(['--in-memory=false', '--vendors', 'emporix', '--db', db, '--seed', '9', '--mode', 'lenient', '--auth', 'strict'], 15_000, { env: cleanEnv });
    expect(cli.output()).toContain(`state: file ${db}`);
    expect(cli.output()).toContain('mode: lenient, seed: 9, auth: strict');
    // A missing spec is named even though the store is in use by the first server.
    const second = await runCli(['serve', '--port', '0', '--db', db, '--spec', 'no-such-spec.yaml'], 15_000, { env: cleanEnv });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`${path.resolve('no-such-spec.yaml')}: cannot read: no such spec file`);
    expect(await cli.stop('SIGINT')).toBe(0);
    expect(cli.output()).toMatch(new RegExp(`returns-mock stopped \\(SIGINT\\); store closed: file ${db.replaceAll('.', '\\.')}`));
  });
});
