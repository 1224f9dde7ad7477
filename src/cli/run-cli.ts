import { MOCK_VERSION } from '../index.js';
import { OPTION_TABLE } from '../options/option-table.js';
import { didYouMean } from '../options/suggest-name.js';
import { driftCommand, DRIFT_USAGE } from './drift-command.js';
import { COMMANDS_USAGE, SERVE_USAGE } from './help-text.js';
import { toStartOptions } from './mock-options.js';
import { pactCommand, PACT_USAGE } from './pact-command.js';
import { parseCommandLine } from './parse-command-line.js';
import { reportCommand, REPORT_USAGE } from './report-command.js';
import { serveCommand } from './serve-command.js';
import { resolveSettings, SettingsError } from './settings.js';
import { testCommand, TEST_USAGE } from './test-command.js';
import { usageFailure } from './usage-failure.js';

const COMMANDS = ['serve', 'test', 'report', 'pact', 'drift', 'version', 'help'];
const HELP: Record<string, string> = { serve: SERVE_USAGE, test: TEST_USAGE, report: REPORT_USAGE, pact: PACT_USAGE, drift: DRIFT_USAGE };

/** `returns-mock help [command]`. */
function help(topic: string | undefined): number {
  if (topic === undefined) {
    console.log(`${COMMANDS_USAGE}\n${SERVE_USAGE}`);
    return 0;
  }
  const text = HELP[topic];
  if (text === undefined) return usageFailure('help', [`unknown command '${topic}'${didYouMean(topic, Object.keys(HELP))}; known: ${Object.keys(HELP).join(', ')}`]);
  console.log(text);
  return 0;
}

/** Runs the command line; resolves to the exit code (the server keeps the process alive until a signal). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  const [first] = argv;
  if (first === 'version' || first === '--version' || first === '-v') {
    console.log(MOCK_VERSION);
    return 0;
  }
  if (first === 'help') return help(argv[1]);
  if (first === 'test') return testCommand(argv.slice(1), env, cwd);
  if (first === 'report') return reportCommand(argv.slice(1), env);
  if (first === 'pact') return pactCommand(argv.slice(1), env);
  if (first === 'drift') return driftCommand(argv.slice(1), env);
  const line = parseCommandLine(
    argv,
    OPTION_TABLE.filter((option) => option.command === undefined),
  );
  if (line.version) {
    console.log(MOCK_VERSION);
    return 0;
  }
  if (line.help) return help('serve');
  const [command = 'serve', ...extra] = line.positionals;
  if (command !== 'serve') line.problems.unshift(`unknown command '${command}'${didYouMean(command, COMMANDS)}; commands: ${COMMANDS.join(', ')}`);
  else if (extra.length > 0) line.problems.push(`unexpected argument '${extra[0]}' (serve takes options only)`);
  let settings;
  try {
    settings = resolveSettings({ flags: line.flags, flagNames: line.flagNames, env, cwd, configFile: line.config });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    // Every bad option at once: those of the command line's form and those of the values.
    return usageFailure('serve', [...line.problems, ...error.message.split('\n')]);
  }
  if (line.problems.length > 0) return usageFailure('serve', line.problems);
  for (const warning of [...line.deprecations, ...settings.deprecations]) console.error(`returns-mock: warning: ${warning}`);
  return serveCommand(settings, toStartOptions(settings));
}
