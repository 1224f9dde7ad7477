import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { startMock, type ContractReport } from '../index.js';
import { renderReport, REPORT_FILE_NAMES, REPORT_FORMATS } from '../contract/index.js';
import { toStartOptions } from './mock-options.js';
import { summarizeRun } from './summarize-run.js';
import { resolveSettings, SETTINGS, SettingsError, type SettingSpec } from './settings.js';

export const TEST_USAGE = `Usage: returns-mock test [options] -- <command...>

Starts the mock on a free port, runs the command with the base URLs in its environment
(RETURNS_MOCK_URL, RETURNS_MOCK_JTL_URL, RETURNS_MOCK_INTERSHOP_URL, RETURNS_MOCK_EMPORIX_URL,
RETURNS_MOCK_SHOPCTRL_URL), writes the contract reports and exits non-zero when the command failed
(its exit code; the contract is then not assessed), when no request reached the mock (1), or when the
contract verdict is fail (1).

Options: those of serve (--vendor, --seed, --mode, --fixtures, --auth, --require-coverage, --fail-on, ...), and
  --report-dir DIR    where report.json, report.xml (JUnit), report.md and report.html go
                      (default returns-mock-report)
  --allow-no-requests a run in which no request reached the mock passes (default: it fails, since
                      the client was then never checked)
The store is in memory unless --db is given; the port is a free one unless --port is given.
`;

/** Settings only `test` takes. */
const TEST_SETTINGS: readonly SettingSpec[] = [
  { key: 'reportDir', flag: 'report-dir', env: ['RETURNS_MOCK_REPORT_DIR'], kind: { type: 'string' } },
  { key: 'allowNoRequests', flag: 'allow-no-requests', env: ['RETURNS_MOCK_ALLOW_NO_REQUESTS'], kind: { type: 'boolean' } },
];

export const DEFAULT_REPORT_DIR = 'returns-mock-report';

/** `RETURNS_MOCK_<VENDOR>_URL` for a vendor id. */
export const vendorUrlVariable = (vendor: string) => `RETURNS_MOCK_${vendor.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_URL`;

/** The report directory as the user will look for it: relative below the working directory, absolute elsewhere. */
const shownDir = (cwd: string, dir: string) => {
  const relative = path.relative(cwd, dir);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative;
};

function usageError(message: string): number {
  console.error(`returns-mock test: ${message}\n\n${TEST_USAGE}`);
  return 2;
}

/** Runs a command to its end with stdio forwarded; signals to this process are passed on to it. */
function runCommand(command: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number; error?: string }> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env, cwd });
    } catch (error) {
      // An argument spawn refuses outright (an empty command name): as a shell, 127.
      resolve({ code: 127, error: (error as Error).message });
      return;
    }
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = (result: { code: number; error?: string }) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(result);
    };
    // As shells report it: 127 for a command not found, 126 for one found but not runnable (not executable).
    child.once('error', (error: NodeJS.ErrnoException) => done({ code: error.code === 'ENOENT' ? 127 : 126, error: error.message }));
    // A command killed by a signal failed: 128 + the signal's number, as shells report it.
    child.once('exit', (code, signal) => done({ code: code ?? 128 + (signal === null ? 0 : constants.signals[signal]) }));
  });
}

/** `returns-mock test [options] -- <command...>`: resolves to the exit code. */
export async function testCommand(argv: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const separator = argv.indexOf('--');
  const own = separator < 0 ? argv : argv.slice(0, separator);
  const command = separator < 0 ? [] : argv.slice(separator + 1);
  const options: NonNullable<ParseArgsConfig['options']> = { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } };
  for (const setting of [...SETTINGS, ...TEST_SETTINGS]) options[setting.flag] = setting.kind.type === 'boolean' ? { type: 'boolean' } : setting.kind.type === 'list' || setting.kind.type === 'pairs' ? { type: 'string', multiple: true } : { type: 'string' };
  let values;
  try {
    values = parseArgs({ args: own, options, allowPositionals: false }).values;
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    console.log(TEST_USAGE);
    return 0;
  }
  if (command.length === 0) return usageError('no command given: returns-mock test -- node my-client.mjs');
  let settings;
  let startOptions;
  try {
    settings = resolveSettings({ flags: values, env, cwd, configFile: values.config as string | undefined, extra: TEST_SETTINGS });
    startOptions = toStartOptions(settings);
  } catch (error) {
    if (error instanceof SettingsError) return usageError(error.message);
    throw error;
  }
  const reportDir = path.resolve(cwd, (settings.values.reportDir as string | undefined) ?? DEFAULT_REPORT_DIR);

  let mock;
  try {
    mock = await startMock({ ...startOptions, port: (settings.values.port as number | undefined) ?? 0, inMemory: settings.values.db === undefined ? true : startOptions.inMemory });
  } catch (error) {
    console.error(`returns-mock: cannot start: ${(error as Error).message}`);
    return 1;
  }
  const urls: Record<string, string> = { RETURNS_MOCK_URL: mock.url };
  for (const engine of mock.engines) urls[vendorUrlVariable(engine.plugin.id)] = mock.urlFor(engine.plugin.id);
  let run: { code: number; error?: string };
  let report: ContractReport;
  let unmatched;
  try {
    run = await runCommand(command, { ...env, ...urls }, cwd);
    report = mock.contract.collector.build({ requireCoverage: startOptions.requireCoverage, failOn: startOptions.failOn });
    unmatched = mock.unmatched();
    mkdirSync(reportDir, { recursive: true });
    for (const format of REPORT_FORMATS) writeFileSync(path.join(reportDir, REPORT_FILE_NAMES[format]), renderReport(report, format).body);
  } finally {
    await mock.close();
  }
  if (run.error !== undefined) console.error(`returns-mock: cannot run '${command[0]}': ${run.error}`);
  else if (run.code !== 0) console.error(`returns-mock: the command exited with ${run.code}`);
  const vendors = mock.engines.map((engine) => ({ id: engine.plugin.id, variable: vendorUrlVariable(engine.plugin.id) }));
  const summary = summarizeRun({ report, commandCode: run.code, urls, vendors, unmatched, allowNoRequests: settings.values.allowNoRequests === true });
  console.log([...summary.lines, `  reports: ${shownDir(cwd, reportDir)}/{${REPORT_FORMATS.map((format) => REPORT_FILE_NAMES[format]).join(',')}}`].join('\n'));
  for (const error of summary.errors) console.error(error);
  return summary.code;
}
