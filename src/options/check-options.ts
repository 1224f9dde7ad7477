import { compileOptionsSchema, type OptionsSchemaError } from '../validate/compile-options-schema.js';
import { OPTION_TABLE, type OptionSpec } from './option-table.js';
import { buildOptionsSchema, optionsOf, type OptionsTarget } from './options-schema.js';
import { didYouMean } from './suggest-name.js';

/** Bad options, one message a line, each naming the option where it came from. */
export class OptionsError extends Error {
  override name = 'OptionsError';
}

export interface CheckedOptions {
  /** The options under their current names, old names renamed (and converted). */
  values: Record<string, unknown>;
  /** Every problem, each a message naming its option. */
  problems: string[];
  /** One warning per old name used. */
  deprecations: string[];
}

export interface CheckContext {
  target: OptionsTarget;
  vendorIds: readonly string[];
  /** How an option is named in messages: `seed`, `--seed`, `env RETURNS_MOCK_SEED`, `returns-mock.config.yaml: seed`. */
  label?: (name: string) => string;
  /** Where the options came from, before a message about an unknown one: `returns-mock.config.yaml`. */
  where?: string;
}

/** The `config` schema's checker per vendor list, compiled once: compiling costs tens of milliseconds of a start-up. */
const configCheckers = new Map<string, (value: unknown) => OptionsSchemaError[]>();

/**
 * The checker of a target. The command line checks its settings (`config`) before `startMock` checks its own (`api`),
 * so both use the one compiled `config` schema, the wider one, whose options have the same schemas; a key `api` does
 * not take is reported as the `api` schema reports it: an unknown property at the top.
 */
function checkerFor(target: OptionsTarget, vendorIds: readonly string[]): (value: Record<string, unknown>) => OptionsSchemaError[] {
  const vendors = vendorIds.join(',');
  if (!configCheckers.has(vendors)) configCheckers.set(vendors, compileOptionsSchema(buildOptionsSchema('config', vendorIds)));
  const checkConfig = configCheckers.get(vendors)!;
  if (target === 'config') return checkConfig;
  const apiKeys = new Set(Object.keys(buildOptionsSchema('api', vendorIds).properties as object));
  return (value) => {
    const outside = Object.keys(value).filter((name) => !apiKeys.has(name));
    const inside = Object.fromEntries(Object.entries(value).filter(([name]) => apiKeys.has(name)));
    return [...outside.map((name) => ({ pointer: '', keyword: 'additionalProperties', params: { additionalProperty: name } })), ...checkConfig(inside)];
  };
}

/** What a valid value of an option is, in words: `a whole number from 0 to 65535`. */
function describeExpected(option: OptionSpec): string {
  if (option.expects !== undefined) return option.expects;
  const schema = option.schema as { type?: string; enum?: string[]; minimum?: number; maximum?: number; minLength?: number };
  if (schema.enum !== undefined) return `one of ${schema.enum.join(', ')}`;
  switch (schema.type) {
    case 'integer':
      return `a whole number from ${schema.minimum} to ${schema.maximum}`;
    case 'number':
      return `a number from ${schema.minimum} to ${schema.maximum}`;
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list of strings';
    default:
      return schema.minLength === undefined ? 'a string' : 'a non-empty string';
  }
}

/** A value as a message shows it: scalars quoted as typed, anything else as JSON. */
const shown = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : `'${String(value)}'`);

const SCENARIO_KEYS = ['vendor', 'operation', 'probability', 'status', 'delayMs', 'fault'];

/** Renames old names to current ones, converting their values; an option given under both is a problem. */
function renameAliases(input: Record<string, unknown>, label: (name: string) => string, checked: CheckedOptions): Record<string, unknown> {
  const renamed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const owner = OPTION_TABLE.find((option) => option.aliases?.some((alias) => alias.name === key));
    if (owner === undefined) {
      renamed[key] = value;
      continue;
    }
    const alias = owner.aliases!.find((candidate) => candidate.name === key)!;
    if (Object.hasOwn(input, owner.name)) checked.problems.push(`${label(key)} and ${label(owner.name)} are the same option: give only ${label(owner.name)}`);
    checked.deprecations.push(`${label(key)} is deprecated and will be removed in the next release: use ${label(owner.name)}`);
    renamed[owner.name] = alias.convert !== undefined && typeof value === 'number' ? alias.convert(value) : value;
  }
  return renamed;
}

/** One message for one schema error, or `undefined` when another error of the same option says it already. */
function messageOf(error: OptionsSchemaError, values: Record<string, unknown>, context: CheckContext & { label: (name: string) => string }): string {
  const [name = '', ...rest] = error.pointer.split('/').slice(1);
  const { label, target, vendorIds, where } = context;
  if (error.pointer === '' && error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    if (target === 'api' && OPTION_TABLE.some((option) => option.name === key))
      return `${label(key)} is a setting of the command line and its config file, not of startMock/createMock`;
    const known = [...optionsOf(target).flatMap((option) => [option.name, ...(option.aliases ?? []).map((alias) => alias.name)]), 'scenarios'];
    return `${where === undefined ? '' : `${where}: `}unknown option '${key}'${didYouMean(key, known)}`;
  }
  if (name === 'scenarios') {
    const [index, key] = rest;
    const where = `${label('scenarios')}[${index ?? ''}]`;
    if (error.keyword === 'additionalProperties') return `${where}: unknown key '${String(error.params.additionalProperty)}'; known: ${SCENARIO_KEYS.join(', ')}`;
    if (index === undefined) return `${label('scenarios')} must be a list of rules`;
    if (key === undefined) return `${where} must be a map of ${SCENARIO_KEYS.join(', ')}`;
    return `${where}.${key} must be a ${String(error.params.type)}`;
  }
  const option = OPTION_TABLE.find((candidate) => candidate.name === name)!;
  const value = values[name];
  if (name === 'vendors' && rest.length > 0 && error.keyword === 'enum') {
    const id = String((value as unknown[])[Number(rest[0])]);
    return `${label(name)}: unknown vendor '${id}'${didYouMean(id, vendorIds)}; known: ${vendorIds.join(', ')}`;
  }
  if (name === 'proxy' && rest.length > 0) return `${label(name)}: ${rest[0]} must be a URL, not ${shown((value as Record<string, unknown>)[rest[0]!])}`;
  return `${label(name)} must be ${describeExpected(option)}, not ${shown(value)}`;
}

/**
 * Checks options against the one options schema: every problem at once, each named by `label`, with a
 * "did you mean" for an unknown name; old names are renamed and reported in `deprecations`.
 * @example checkOptions({ seed: -5 }, { target: 'api', vendorIds }).problems // ["seed must be a whole number from 0 to 2147483647, not '-5'"]
 */
export function checkOptions(input: Record<string, unknown>, context: CheckContext): CheckedOptions {
  const full = { label: (name: string) => name, ...context };
  const checked: CheckedOptions = { values: {}, problems: [], deprecations: [] };
  checked.values = renameAliases(input, full.label, checked);
  const messages = checkerFor(full.target, full.vendorIds)(checked.values).map((error) => messageOf(error, checked.values, full));
  checked.problems.push(...new Set(messages));
  return checked;
}
