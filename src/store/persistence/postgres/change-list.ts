import type { FixtureData } from '../../fixtures/replace-fixtures.js';
import { toFixtureData } from '../../fixtures/replace-fixtures.js';
import type { StoreChange } from '../../state/store-change.js';
import { decodeChange, encodeChange } from '../log-line.js';

/**
 * What one change-log row holds: store changes, or new fixture collections (`whole`: they are all the fixtures now).
 * Fixtures travel in the same log as the state, so every replica applies both in one order.
 */
export type ChangeRowContent = { changes: StoreChange[] } | { fixtures: FixtureData; whole: boolean };

/** One change-log row's text: the changes as the file log encodes them, in a JSON list. */
export const encodeChangeList = (changes: readonly StoreChange[]): string => `[${changes.map(encodeChange).join(',')}]`;

/** The change-log row of new fixture collections: `[["fixtures", data, whole]]`. */
export const encodeFixtureChange = (fixtures: FixtureData, whole: boolean): string => JSON.stringify([['fixtures', fixtures, whole]]);

/** The content of one change-log row, or an error naming the row: a row we cannot read is never skipped. */
export function decodeChangeList(text: string, position: number): ChangeRowContent {
  const list: unknown = JSON.parse(text);
  if (!Array.isArray(list)) throw new Error(`change-log row ${position} is not a list of changes`);
  const [first] = list as unknown[];
  if (list.length === 1 && Array.isArray(first) && first[0] === 'fixtures') {
    return { fixtures: toFixtureData(first[1], `change-log row ${position}`), whole: first[2] === true };
  }
  return {
    changes: list.map((encoded) => {
      const change = decodeChange(encoded);
      if (change === undefined) throw new Error(`change-log row ${position} holds something that is not a store change`);
      return change;
    }),
  };
}
