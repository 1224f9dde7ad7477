import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkOptions } from '../options/check-options.js';
import { OPTION_TABLE, type OptionSpec } from '../options/option-table.js';
import { parseSpecEntry } from '../options/parse-spec-entry.js';
import { vendorPlugins } from '../vendors/index.js';

/** The config file names looked for in the working directory, first found wins. */
export const CONFIG_FILES = ['returns-mock.config.yaml', 'returns-mock.config.yml', 'returns-mock.config.json'] as const;

/** Settings by name plus the config file read, for messages. */
export interface ResolvedSettings {
  /** Every setting given, under its current name, checked against the options schema. */
  values: Record<string, unknown>;
  /** The config file read, if any. */
  configFile: string | undefined;
  /** One warning per old name used. */
  deprecations: string[];
}

/** Bad settings, one message a line, each named with where it came from: `--port`, `env PORT`, `returns-mock.config.yaml: port`. */
export class SettingsError extends Error {}

const VENDOR_IDS = vendorPlugins.map((plugin) => plugin.id);

/** A flag's or environment variable's text as the option's type; text that is not one is left for the schema to refuse. */
function fromText(option: OptionSpec, raw: string | boolean | string[]): unknown {
  if (Array.isArray(raw))
    return raw
      .flatMap((item) => item.split(','))
      .map((item) => item.trim())
      .filter((item) => item !== '');
  if (typeof raw === 'boolean') return raw;
  if (option.reads === 'boolean') {
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no', ''].includes(raw.toLowerCase())) return false;
    return raw;
  }
  if (option.reads === 'list') return fromText(option, [raw]);
  const type = (option.schema as { type?: string }).type;
  // Plain decimals only: `Number` would also take `0x32`, `1e2` and ' 5'.
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

/** `VENDOR=URL` entries as a map; an entry without `=` or a vendor named twice is a problem naming it. */
function toPairs(entries: readonly string[], label: string, problems: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.indexOf('=');
    if (at <= 0 || at === entry.length - 1) problems.push(`${label} '${entry}' must be VENDOR=URL, e.g. emporix=https://sandbox.example.com`);
    else if (Object.hasOwn(map, entry.slice(0, at))) problems.push(`${label} names vendor '${entry.slice(0, at)}' twice`);
    else map[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return map;
}

/** Texts of one source (flags or environment) as typed options, checked against the schema. */
function checkTexts(texts: Record<string, string | boolean | string[]>, labelOf: (name: string) => string, problems: string[], deprecations: string[]) {
  const typed: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(texts)) {
    const option = OPTION_TABLE.find((candidate) => candidate.name === name)!;
    typed[name] =
      option.reads === 'pairs'
        ? toPairs(
            (Array.isArray(raw) ? raw : String(raw).split(',')).map((item) => item.trim()).filter((item) => item !== ''),
            labelOf(name),
            problems,
          )
        : fromText(option, raw);
  }
  const checked = checkOptions(typed, { target: 'config', vendorIds: VENDOR_IDS, label: labelOf });
  problems.push(...checked.problems);
  deprecations.push(...checked.deprecations);
  return checked.values;
}

/** The environment's settings: `RETURNS_MOCK_<FLAG>` (and an option's other names, e.g. `PORT`), old flags' variables included. */
function readEnvironment(env: NodeJS.ProcessEnv, deprecations: string[]) {
  const texts: Record<string, string> = {};
  const labels: Record<string, string> = {};
  for (const option of OPTION_TABLE) {
    const variable = option.env.find((name) => env[name] !== undefined && env[name] !== '');
    const oldVariable = (option.aliases ?? [])
      .map((alias) => (alias.flag === undefined ? undefined : `RETURNS_MOCK_${alias.flag.toUpperCase().replaceAll('-', '_')}`))
      .find((name) => name !== undefined && env[name] !== undefined && env[name] !== '');
    const chosen = variable ?? oldVariable;
    if (chosen === undefined) continue;
    if (variable === undefined) deprecations.push(`env ${chosen} is deprecated and will be removed in the next release: use ${option.env[0]}`);
    texts[option.name] = env[chosen]!;
    labels[option.name] = `env ${chosen}`;
  }
  return { texts, labels };
}

/** YAML's parser, loaded only for a YAML config file (~30 ms of start-up otherwise); required, as this read is synchronous. */
const parseYaml = (text: string): unknown => (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SettingsError(`cannot read config file ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new SettingsError(`config file ${file} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new SettingsError(`config file ${file} must hold a map of settings`);
  return parsed as Record<string, unknown>;
}

/** A config file's path values resolved against the file's directory (`spec` entries keep their prefix). */
function resolvePaths(values: Record<string, unknown>, dir: string): Record<string, unknown> {
  const resolved: Record<string, unknown> = { ...values };
  for (const option of OPTION_TABLE)
    if (option.isPath === true && typeof values[option.name] === 'string') resolved[option.name] = path.resolve(dir, values[option.name] as string);
  if (Array.isArray(values.spec)) {
    resolved.spec = (values.spec as Array<string | { file: string; prefix?: string }>).map((entry) => {
      const { file, prefix } = typeof entry === 'string' ? parseSpecEntry(entry) : entry;
      return prefix === undefined ? { file: path.resolve(dir, file) } : { prefix, file: path.resolve(dir, file) };
    });
  }
  return resolved;
}

export interface SettingsSources {
  /** Flag values by option name, as {@link parseCommandLine} read them. */
  flags: Record<string, string | boolean | string[]>;
  /** The flag each option was given as, for messages. */
  flagNames?: Record<string, string>;
  env: NodeJS.ProcessEnv;
  /** `--config FILE`; otherwise the first of {@link CONFIG_FILES} in `cwd`. */
  configFile?: string;
  cwd: string;
}

/**
 * The settings with precedence command line > environment > config file > defaults (defaults are the caller's),
 * each source checked against the one options schema. Every bad value is reported at once, named with its source;
 * unknown config keys are errors (with a "did you mean"), since a typo there would otherwise be silently ignored.
 */
export function resolveSettings({ flags, flagNames = {}, env, configFile, cwd }: SettingsSources): ResolvedSettings {
  const file = configFile === undefined ? CONFIG_FILES.map((name) => path.join(cwd, name)).find((candidate) => existsSync(candidate)) : path.resolve(cwd, configFile);
  const problems: string[] = [];
  const deprecations: string[] = [];
  let fromFile: Record<string, unknown> = {};
  if (file !== undefined) {
    const fileName = path.relative(cwd, file) || file;
    const { $schema: _schema, ...content } = readConfigFile(file);
    const checked = checkOptions(content, { target: 'config', vendorIds: VENDOR_IDS, label: (name) => `${fileName}: ${name}`, where: fileName });
    problems.push(...checked.problems);
    deprecations.push(...checked.deprecations);
    fromFile = resolvePaths(checked.values, path.dirname(file));
  }
  const environment = readEnvironment(env, deprecations);
  const fromEnv = checkTexts(environment.texts, (name) => environment.labels[name] ?? `env ${name}`, problems, deprecations);
  const fromFlags = checkTexts(flags, (name) => flagNames[name] ?? `--${OPTION_TABLE.find((option) => option.name === name)?.flag ?? name}`, problems, deprecations);
  if (problems.length > 0) throw new SettingsError(problems.join('\n'));
  return { values: { ...fromFile, ...fromEnv, ...fromFlags }, configFile: file, deprecations };
}
