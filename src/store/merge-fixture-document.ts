import { createDictionary } from './create-dictionary.js';
import { FixtureError } from './fixture-error.js';
import type { FixtureRecord, Fixtures } from './fixture-types.js';
import { toFrozenRecord } from './to-frozen-record.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets an own property even for keys such as `__proto__`, on prototype-free and plain objects alike. */
const setOwn = <T>(target: Record<string, T>, key: string, value: T) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * Adds one fixture document to `into[vendor]`: a map from collection name to a list of records
 * (`orders: [{ shopOrderNumber: …, positions: […] }]`); lists of the same collection are concatenated.
 * All or nothing: the whole document is checked before `into` changes, else a `FixtureError` names `source`.
 */
export function mergeFixtureDocument(into: Fixtures, vendor: string, document: unknown, source: string): void {
  if (typeof vendor !== 'string' || vendor === '') throw new FixtureError(source, 'the vendor id must be a non-empty string');
  if (!isRecord(document)) throw new FixtureError(source, 'expected a map from collection name to a list of records, e.g. "orders: [{ … }]"');
  const staged: Array<[string, FixtureRecord[]]> = [];
  for (const [name, records] of Object.entries(document)) {
    if (name === '') throw new FixtureError(source, 'a collection name is empty');
    if (!Array.isArray(records)) throw new FixtureError(source, `'${name}' must be a list of records, not ${records === null ? 'null' : typeof records}`);
    staged.push([
      name,
      records.map((record: unknown, index) => {
        if (!isRecord(record)) throw new FixtureError(source, `'${name}' item ${index} must be a record (an object), not ${Array.isArray(record) ? 'a list' : record === null ? 'null' : typeof record}`);
        try {
          return toFrozenRecord(record) as FixtureRecord;
        } catch (error) {
          throw new FixtureError(source, `'${name}' item ${index} is not JSON data (${(error as Error).message})`, { cause: error });
        }
      }),
    ]);
  }
  if (!Object.hasOwn(into, vendor)) setOwn(into, vendor, createDictionary<readonly FixtureRecord[]>());
  const collections = into[vendor]!;
  for (const [name, records] of staged) {
    const before = Object.hasOwn(collections, name) ? collections[name]! : [];
    setOwn(collections, name, Object.freeze([...before, ...records]));
  }
}
