import { deepFreeze } from '../../state/to-frozen-record.js';
import type { StoreChange } from '../../state/store-change.js';
import { decodeChange, encodeChange } from '../log-line.js';

/** One change-log row's text: the changes as the file log encodes them, in a JSON list. */
export const encodeChangeList = (changes: readonly StoreChange[]): string => `[${changes.map(encodeChange).join(',')}]`;

/** The changes of one change-log row (records frozen), or an error naming the row: a row we cannot read is never skipped. */
export function decodeChangeList(text: string, position: number): StoreChange[] {
  const list: unknown = JSON.parse(text);
  if (!Array.isArray(list)) throw new Error(`change-log row ${position} is not a list of changes`);
  return list.map((encoded) => {
    const change = decodeChange(encoded);
    if (change === undefined) throw new Error(`change-log row ${position} holds something that is not a store change`);
    return change.kind === 'put' ? { ...change, record: deepFreeze(change.record) } : change;
  });
}
