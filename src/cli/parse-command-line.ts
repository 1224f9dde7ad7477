import { didYouMean } from '../options/suggest-name.js';
import type { OptionSpec } from '../options/option-table.js';

/** The command line's own flags, beside the settings. */
const META_FLAGS = ['config', 'help', 'version'] as const;

/** What a command line says: each setting's text by option name, `--config`, `--help`, `--version`, the rest. */
export interface CommandLine {
  /** Flag values as typed: a string, `true` for a flag without value, a list for a repeatable one. */
  flags: Record<string, string | boolean | string[]>;
  /** The flag each option was given as (`--vendor` for an old name), for messages. */
  flagNames: Record<string, string>;
  config?: string;
  help: boolean;
  version: boolean;
  positionals: string[];
  problems: string[];
  deprecations: string[];
}

/**
 * Reads `argv` against the options: every unknown flag and every flag without its value is a problem, all reported
 * at once, an unknown one with the closest known flag (`--prot` → `--port`).
 */
export function parseCommandLine(argv: readonly string[], options: readonly OptionSpec[]): CommandLine {
  const line: CommandLine = { flags: {}, flagNames: {}, help: false, version: false, positionals: [], problems: [], deprecations: [] };
  const byFlag = new Map<string, { option: OptionSpec; old: boolean }>();
  for (const option of options) {
    byFlag.set(option.flag, { option, old: false });
    for (const alias of option.aliases ?? []) if (alias.flag !== undefined) byFlag.set(alias.flag, { option, old: true });
  }
  const known = [...byFlag.keys(), ...META_FLAGS];
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index]!;
    if (token === '-h') line.help = true;
    else if (token === '-v') line.version = true;
    else if (!token.startsWith('-') || token === '-') line.positionals.push(token);
    else {
      const [name = '', inline] = token.replace(/^--?/, '').split(/=(.*)/s, 2);
      // The next token is this flag's value unless it is a flag itself.
      const takeValue = () => inline ?? (argv[index + 1] !== undefined && !argv[index + 1]!.startsWith('--') ? argv[++index] : undefined);
      if (name === 'help') line.help = true;
      else if (name === 'version') line.version = true;
      else if (name === 'config') {
        const value = takeValue();
        if (value === undefined) line.problems.push('--config needs a FILE');
        else line.config = value;
      } else {
        const found = byFlag.get(name);
        if (found === undefined) {
          line.problems.push(`unknown option '${token.split('=')[0]}'${didYouMean(name, known, (flag) => `--${flag}`)}`);
          // Its value, if any, is no command.
          if (inline === undefined && argv[index + 1] !== undefined && !argv[index + 1]!.startsWith('-')) index += 1;
          continue;
        }
        const { option, old } = found;
        if (old) line.deprecations.push(`--${name} is deprecated and will be removed in the next release: use --${option.flag}`);
        line.flagNames[option.name] = `--${name}`;
        if (option.reads === 'boolean') {
          line.flags[option.name] = inline ?? true;
          continue;
        }
        const value = takeValue();
        if (value === undefined) line.problems.push(`--${name} needs a value (${option.arg ?? 'VALUE'})`);
        else if (option.reads === 'value') line.flags[option.name] = value;
        else line.flags[option.name] = [...((line.flags[option.name] as string[] | undefined) ?? []), value];
      }
    }
  }
  return line;
}
