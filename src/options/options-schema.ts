import { OPTION_TABLE, SCENARIOS_SCHEMA, type JsonSchema, type OptionSpec } from './option-table.js';

/** Who reads the options: `startMock`/`createMock` (`api`), or the config file (which also takes the command line's own settings). */
export type OptionsTarget = 'api' | 'config';

/** The options a target takes. */
export const optionsOf = (target: OptionsTarget): OptionSpec[] => OPTION_TABLE.filter((option) => target === 'config' || option.scope === 'api');

/** An option's schema, with the bundled vendors' ids where the option names vendors. */
function schemaOf(option: OptionSpec, vendorIds: readonly string[]): JsonSchema {
  const description = option.help.join(' ').replace('VENDORS', vendorIds.join(', '));
  if (option.name !== 'vendors') return { ...option.schema, description };
  return { ...option.schema, items: { enum: vendorIds }, description };
}

/**
 * The one JSON Schema of returns-mock's options (draft 2020-12): the config file's with `config`, `startMock`'s with
 * `api`. Older names are listed as deprecated; they are renamed before the schema is applied.
 */
export function buildOptionsSchema(target: OptionsTarget, vendorIds: readonly string[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const option of optionsOf(target)) {
    properties[option.name] = schemaOf(option, vendorIds);
    for (const alias of option.aliases ?? []) properties[alias.name] = { deprecated: true, description: `Deprecated: use ${option.name}.` };
  }
  properties.scenarios = { ...SCENARIOS_SCHEMA, description: 'failures, delays and forced statuses injected by rule, per vendor and operation' };
  if (target === 'config') properties.$schema = { type: 'string', description: 'this schema, for editor completion' };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: target === 'config' ? 'returns-mock config file (returns-mock.config.yaml|yml|json)' : 'returns-mock startMock/createMock options',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}
