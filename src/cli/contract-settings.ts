import { FAIL_ON_LEVELS, type FailOn } from '../contract/index.js';
import type { StartOptions } from '../index.js';
import type { SettingSpec, SettingValue } from './setting-spec.js';

/** The contract-testing settings `serve` and `test` take: the mode, the journal, the coverage a report requires and the finding level that fails it. */
export const CONTRACT_SETTINGS: readonly SettingSpec[] = [
  { key: 'mode', flag: 'mode', env: ['RETURNS_MOCK_MODE'], kind: { type: 'choice', choices: ['strict', 'lenient'] } },
  { key: 'journal', flag: 'journal', env: ['RETURNS_MOCK_JOURNAL'], kind: { type: 'string' } },
  { key: 'journalLimit', flag: 'journal-limit', env: ['RETURNS_MOCK_JOURNAL_LIMIT'], kind: { type: 'integer', min: 1, max: 1_000_000 } },
  { key: 'requireCoverage', flag: 'require-coverage', env: ['RETURNS_MOCK_REQUIRE_COVERAGE'], kind: { type: 'number', min: 0, max: 100 } },
  { key: 'failOn', flag: 'fail-on', env: ['RETURNS_MOCK_FAIL_ON'], kind: { type: 'choice', choices: FAIL_ON_LEVELS } },
];

/** The `startMock` options of the contract settings. */
export function toContractOptions(values: Record<string, SettingValue>): Pick<StartOptions, 'mode' | 'journal' | 'journalLimit' | 'requireCoverage' | 'failOn'> {
  return {
    mode: values.mode as 'strict' | 'lenient' | undefined,
    journal: values.journal as string | undefined,
    journalLimit: values.journalLimit as number | undefined,
    requireCoverage: values.requireCoverage as number | undefined,
    failOn: values.failOn as FailOn | undefined,
  };
}
