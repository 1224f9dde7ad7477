/** How a setting's text (flag or environment variable) or file value is read. */
export type SettingKind =
  | { type: 'integer'; min: number; max: number }
  | { type: 'number'; min: number; max: number }
  | { type: 'string' }
  | { type: 'boolean' }
  | { type: 'list' }
  /** `KEY=VALUE` entries: repeated flags, or in the config file a map (`proxy: { emporix: URL }`). */
  | { type: 'pairs' }
  | { type: 'choice'; choices: readonly string[] };

/** One setting the CLI takes: its flag, its environment variable and its key in the config file. */
export interface SettingSpec {
  /** Config file key (camelCase), e.g. `maxBody`. */
  key: string;
  /** Command-line flag without dashes, e.g. `max-body`. */
  flag: string;
  /** Environment variables, first wins, e.g. `RETURNS_MOCK_PORT`, `PORT`. */
  env: readonly string[];
  kind: SettingKind;
}

/** A setting's value once read: what `startMock` options are built from. */
export type SettingValue = string | number | boolean | string[];
