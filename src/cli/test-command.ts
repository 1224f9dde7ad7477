import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { startMock, type ContractReport } from '../index.js';
import { renderReport, REPORT_FILE_NAMES, REPORT_FORMATS } from '../contract/index.js';
import { toStartOptions } from './mock-options.js';
import { summarizeRun } from './summarize-run.js';
import { OPTION_TABLE } from '../options/option-table.js';
import { optionsHelp } from './help-text.js';
import { parseCommandLine } from './parse-command-line.js';
import { usageFailure } from './usage-failure.js';
import { resolveSettings, SettingsError } from './settings.js';

export const TEST_USAGE = `Usage: returns-mock test [options] -- <command...>

Starts the mock on a free port, runs the command with the base URLs in its environment
(RETURNS_MOCK_URL, RETURNS_MOCK_JTL_URL, RETURNS_MOCK_INTERSHOP_URL, RETURNS_MOCK_EMPORIX_URL,
RETURNS_MOCK_SHOPCTRL_URL), writes the contract reports and exits non-zero when the command failed
(its exit code; the contract is then not assessed), when no request reached the mock (1), or when the
contract verdict is fail (1).
The store is in memory unless --db is given; the port is a free one unless --port is given.

Options:
${optionsHelp('test')}
  --config FILE       config file (default: returns-mock.config.yaml|yml|json in the working directory)
  -h, --help          this text
`;

export const DEFAULT_REPORT_DIR = 'returns-mock-report';

/** `RETURNS_MOCK_<VENDOR>_URL` for a vendor id. */
export const vendorUrlVariable = (vendor: string) => `RETURNS_MOCK_${vendor.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_URL`;

/** The report directory as the user will look for it: relative below the working directory, absolute elsewhere. */
const shownDir = (cwd: string, dir: string) => {
  const relative = path.relative(cwd, dir);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative;
};

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
  const line = parseCommandLine(own, OPTION_TABLE);
  if (line.help) {
    console.log(TEST_USAGE);
    return 0;
  }
  if (line.positionals.length > 0) line.problems.push(`unexpected argument '${line.positionals[0]}': the command to run follows --`);
  if (command.length === 0) line.problems.push('no command given: returns-mock test -- node my-client.mjs');
  let settings;
  try {
    settings = resolveSettings({ flags: line.flags, flagNames: line.flagNames, env, cwd, configFile: line.config });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    // Every bad option at once: those of the command line's form and those of the values.
    return usageFailure('test', [...line.problems, ...error.message.split('\n')]);
  }
  if (line.problems.length > 0) return usageFailure('test', line.problems);
  for (const warning of [...line.deprecations, ...settings.deprecations]) console.error(`returns-mock: warning: ${warning}`);
  const startOptions = toStartOptions(settings);
  const reportDir = path.resolve(cwd, (settings.values.reportDir as string | undefined) ?? DEFAULT_REPORT_DIR);

  let mock;
  try {
    mock = await startMock({ ...startOptions, port: (settings.values.port as number | undefined) ?? 0 });
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
