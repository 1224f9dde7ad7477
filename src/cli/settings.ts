import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ScenarioRule } from '../index.js';
import { CONTRACT_SETTINGS } from './contract-settings.js';
import { PROXY_SETTINGS } from './proxy-settings.js';
import type { SettingKind, SettingSpec, SettingValue } from './setting-spec.js';

export type { SettingSpec, SettingValue } from './setting-spec.js';

const integer = (min: number, max: number): SettingKind => ({ type: 'integer', min, max });
const envName = (flag: string) => `RETURNS_MOCK_${flag.toUpperCase().replaceAll('-', '_')}`;
const setting = (key: string, flag: string, kind: SettingKind, extraEnv: string[] = []): SettingSpec => ({ key, flag, env: [envName(flag), ...extraEnv], kind });

/** Every setting `serve` and `test` take, in the order the usage text lists them. */
export const SETTINGS: readonly SettingSpec[] = [
  setting('port', 'port', integer(0, 65535), ['PORT']),
  setting('host', 'host', { type: 'string' }, ['HOST']),
  setting('vendor', 'vendor', { type: 'list' }),
  setting('spec', 'spec', { type: 'list' }),
  setting('seed', 'seed', integer(0, 2 ** 31 - 1)),
  setting('maxBody', 'max-body', integer(1, 1024 ** 3)),
  setting('db', 'db', { type: 'string' }),
  setting('inMemory', 'in-memory', { type: 'boolean' }),
  setting('store', 'store', { type: 'string' }),
  setting('clock', 'clock', { type: 'string' }),
  setting('fixtures', 'fixtures', { type: 'string' }),
  setting('strictFixtures', 'strict-fixtures', { type: 'boolean' }),
  setting('auth', 'auth', { type: 'choice', choices: ['open', 'strict'] }),
  setting('adminToken', 'admin-token', { type: 'string' }),
  setting('headersTimeout', 'headers-timeout', integer(1, 3_600_000)),
  setting('requestTimeout', 'request-timeout', integer(1, 3_600_000)),
  setting('keepAliveTimeout', 'keep-alive-timeout', integer(1, 3_600_000)),
  setting('logLevel', 'log-level', { type: 'choice', choices: ['silent', 'error', 'warn', 'info', 'debug'] }),
  setting('logFormat', 'log-format', { type: 'choice', choices: ['text', 'json'] }),
  ...CONTRACT_SETTINGS,
  ...PROXY_SETTINGS,
];

/** The config file names looked for in the working directory, first found wins. */
export const CONFIG_FILES = ['returns-mock.config.yaml', 'returns-mock.config.yml', 'returns-mock.config.json'] as const;


/** Settings whose values are paths: a relative one in a config file is relative to that file, wherever the server starts. */
const PATH_KEYS = new Set(['db', 'fixtures', 'journal', 'record']);

/** `--spec FILE` or `--spec /PREFIX=FILE`. */
export function parseSpecEntry(entry: string): { file: string; prefix?: string } {
  const match = /^(\/[^=]+)=(.+)$/.exec(entry);
  return match === null ? { file: entry } : { prefix: match[1], file: match[2]! };
}

/** A config file's path values resolved against the file's directory (`spec` entries keep their prefix). */
function resolveFromFile(key: string, value: SettingValue, dir: string): SettingValue {
  if (PATH_KEYS.has(key) && typeof value === 'string') return path.resolve(dir, value);
  if (key !== 'spec' || !Array.isArray(value)) return value;
  return value.map((entry) => {
    const { file, prefix } = parseSpecEntry(entry);
    return prefix === undefined ? path.resolve(dir, file) : `${prefix}=${path.resolve(dir, file)}`;
  });
}

/** Settings by key plus where each came from, for messages. */
export interface ResolvedSettings {
  values: Record<string, SettingValue>;
  /** `scenarios` of the config file (rules for fault injection), unchecked here: the engine checks them against the specs. */
  scenarios: unknown[];
  /** The config file read, if any. */
  configFile: string | undefined;
}

/** A bad setting, named with where it came from: `--port`, `env PORT`, `returns-mock.config.yaml: port`. */
export class SettingsError extends Error {}

function describeKind(kind: SettingKind): string {
  switch (kind.type) {
    case 'integer':
      return `a whole number from ${kind.min} to ${kind.max}`;
    case 'number':
      return `a number from ${kind.min} to ${kind.max}`;
    case 'boolean':
      return 'true or false';
    case 'list':
      return 'a list of strings';
    case 'pairs':
      return 'KEY=VALUE entries (in the config file a map)';
    case 'choice':
      return `one of ${kind.choices.join(', ')}`;
    case 'string':
      return 'a string';
  }
}

/** Reads a flag's or environment variable's text as the setting's kind; a string is the problem. */
function fromText(kind: SettingKind, raw: string): SettingValue | SettingsError {
  switch (kind.type) {
    case 'integer':
      return /^\d+$/.test(raw) && Number(raw) >= kind.min && Number(raw) <= kind.max ? Number(raw) : new SettingsError(`must be ${describeKind(kind)}, not '${raw}'`);
    case 'number': {
      // Plain decimals only, as `report` and `?requireCoverage=` read them: `Number` would also take `0x32` and `1e2`.
      const value = Number(raw);
      return /^\d+(\.\d+)?$/.test(raw) && value >= kind.min && value <= kind.max ? value : new SettingsError(`must be ${describeKind(kind)}, not '${raw}'`);
    }
    case 'boolean':
      if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
      if (['false', '0', 'no', ''].includes(raw.toLowerCase())) return false;
      return new SettingsError(`must be ${describeKind(kind)}, not '${raw}'`);
    case 'list':
    case 'pairs':
      return raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
    case 'choice':
      return kind.choices.includes(raw) ? raw : new SettingsError(`must be ${describeKind(kind)}, not '${raw}'`);
    case 'string':
      return raw;
  }
}

/** Checks a config file value, which YAML or JSON has already typed. */
function fromFile(kind: SettingKind, value: unknown): SettingValue | SettingsError {
  if (kind.type === 'list') {
    if (typeof value === 'string') return [value];
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : new SettingsError(`must be ${describeKind(kind)}`);
  }
  if (kind.type === 'pairs') {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((item) => typeof item === 'string')) return new SettingsError(`must be a map of ${describeKind(kind)}`);
    return Object.entries(value as Record<string, string>).map(([key, item]) => `${key}=${item}`);
  }
  if (kind.type === 'boolean') return typeof value === 'boolean' ? value : new SettingsError(`must be ${describeKind(kind)}, not ${JSON.stringify(value)}`);
  if (kind.type === 'integer' || kind.type === 'number') {
    return typeof value === 'number' ? fromText(kind, String(value)) : new SettingsError(`must be ${describeKind(kind)}, not ${JSON.stringify(value)}`);
  }
  return typeof value === 'string' ? fromText(kind, value) : new SettingsError(`must be ${describeKind(kind)}, not ${JSON.stringify(value)}`);
}

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

export interface SettingsSources {
  /** Flag values as `parseArgs` gives them (strings, booleans, string lists), keyed by flag. */
  flags: Record<string, string | boolean | Array<string | boolean> | undefined>;
  env: NodeJS.ProcessEnv;
  /** `--config FILE`; otherwise the first of {@link CONFIG_FILES} in `cwd`. */
  configFile?: string;
  cwd: string;
  /** Settings only one command takes (e.g. `test`'s), checked like the rest. */
  extra?: readonly SettingSpec[];
}

/**
 * The settings with precedence command line > environment > config file > defaults (defaults are the caller's).
 * Every bad value is reported at once, each named with its source; unknown config keys are errors, since a typo
 * there would otherwise be silently ignored.
 */
export function resolveSettings({ flags, env, configFile, cwd, extra = [] }: SettingsSources): ResolvedSettings {
  const specs = [...SETTINGS, ...extra];
  const file = configFile === undefined ? CONFIG_FILES.map((name) => path.join(cwd, name)).find((candidate) => existsSync(candidate)) : path.resolve(cwd, configFile);
  const fileValues = file === undefined ? {} : readConfigFile(file);
  const problems: string[] = [];
  const values: Record<string, SettingValue> = {};
  const fileName = file === undefined ? '' : path.relative(cwd, file) || file;

  const known = new Set([...specs.map((spec) => spec.key), 'scenarios']);
  for (const key of Object.keys(fileValues)) if (!known.has(key)) problems.push(`${fileName}: unknown setting '${key}'; known: ${[...known].join(', ')}`);

  for (const spec of specs) {
    const flag = flags[spec.flag];
    const envVar = spec.env.find((name) => env[name] !== undefined && env[name] !== '');
    let value: SettingValue | SettingsError | undefined;
    let source: string;
    if (flag !== undefined) {
      source = `--${spec.flag}`;
      value = typeof flag === 'string' ? fromText(spec.kind, flag) : Array.isArray(flag) ? flag.map(String) : flag;
    } else if (envVar !== undefined) {
      source = `env ${envVar}`;
      value = fromText(spec.kind, env[envVar]!);
    } else if (Object.hasOwn(fileValues, spec.key)) {
      source = `${fileName}: ${spec.key}`;
      const checked = fromFile(spec.kind, fileValues[spec.key]);
      value = checked instanceof SettingsError ? checked : resolveFromFile(spec.key, checked, path.dirname(file!));
    } else continue;
    if (value instanceof SettingsError) problems.push(`${source} ${value.message}`);
    else values[spec.key] = value;
  }

  const scenarios = fileValues.scenarios ?? [];
  if (!Array.isArray(scenarios)) problems.push(`${fileName}: scenarios must be a list of rules`);
  if (problems.length > 0) throw new SettingsError(problems.join('\n'));
  return { values, scenarios: Array.isArray(scenarios) ? scenarios : [], configFile: file };
}

const RULE_KEYS = ['vendor', 'operation', 'probability', 'status', 'delayMs', 'fault'] as const;

/** The config file's `scenarios`, checked for shape (the engine then checks each against the specs). */
export function toScenarioRules(list: readonly unknown[], fileName: string): ScenarioRule[] {
  const problems: string[] = [];
  const rules = list.map((entry, index) => {
    const where = `${fileName}: scenarios[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${where} must be a map of ${RULE_KEYS.join(', ')}`);
      return {};
    }
    const rule = entry as Record<string, unknown>;
    for (const key of Object.keys(rule)) if (!(RULE_KEYS as readonly string[]).includes(key)) problems.push(`${where}: unknown key '${key}'; known: ${RULE_KEYS.join(', ')}`);
    for (const key of ['vendor', 'operation', 'fault'] as const) if (rule[key] !== undefined && typeof rule[key] !== 'string') problems.push(`${where}.${key} must be a string`);
    for (const key of ['probability', 'status', 'delayMs'] as const) if (rule[key] !== undefined && typeof rule[key] !== 'number') problems.push(`${where}.${key} must be a number`);
    return rule;
  });
  if (problems.length > 0) throw new SettingsError(problems.join('\n'));
  return rules;
}
