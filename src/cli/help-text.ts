import { OPTION_TABLE, type OptionSpec } from '../options/option-table.js';
import { vendorPlugins } from '../vendors/index.js';

const COLUMN = 22;

/** One option's lines of the help text: the flag and its value, then the help, continued below. */
function optionLines(option: OptionSpec): string[] {
  const flag = `  --${option.flag}${option.arg === undefined ? '' : ` ${option.arg}`}`;
  const help = option.help.map((line) => line.replace('VENDORS', vendorPlugins.map((plugin) => plugin.id).join(', ')));
  const first = flag.length < COLUMN ? `${flag.padEnd(COLUMN)}${help[0]}` : `${flag}  ${help[0]}`;
  return [first, ...help.slice(1).map((line) => `${' '.repeat(COLUMN)}${line}`)];
}

/** The option lines of a command's help: `serve`'s, or `test`'s (serve's and its own). */
export function optionsHelp(command: 'serve' | 'test'): string {
  return OPTION_TABLE.filter((option) => option.command === undefined || option.command === command)
    .flatMap(optionLines)
    .join('\n');
}

export const SERVE_USAGE = `Usage: returns-mock [serve] [options]

Serves the JTL, Intershop IOM, Emporix and ShopCtrl return APIs from their OpenAPI specs.

Options (each also from the environment, RETURNS_MOCK_<OPTION>, e.g. RETURNS_MOCK_MAX_BODY,
or from returns-mock.config.yaml|yml|json under its camelCase name, e.g. maxBody;
precedence: option > environment > config file > default):
${optionsHelp('serve')}
  --config FILE       config file (default: returns-mock.config.yaml|yml|json in the working directory)
  -h, --help          this text
  -v, --version       the version
`;

export const COMMANDS_USAGE = `Usage: returns-mock <command> [options]

Commands:
  serve               the server (the default command)              returns-mock help serve
  test -- <cmd...>    run a client's tests against a fresh mock      returns-mock help test
  report              the contract report of a mock or journal       returns-mock help report
  pact --out DIR      Pact v4 contracts from recorded traffic        returns-mock help pact
  drift --spec V=FILE what a new spec version would break            returns-mock help drift
  version             the version (also --version, -v)
  help [command]      this text, or a command's options
`;
