import type { VendorTransaction } from '../../core/vendor-plugin.js';

type FixtureList = ReadonlyArray<Record<string, unknown>>;

/** Where a reference came from; `undefined` when it is unknown and may not be fabricated (`--strict-fixtures`). */
export type Resolved<T> = { record: T; fabricated: boolean } | undefined;

/** The fixture record whose `key` (default `Id`) equals `id`, if any. */
export function fixtureById(records: FixtureList, id: unknown, key = 'Id'): Record<string, unknown> | undefined {
  return records.find((record) => record[key] === id);
}

/** Where to look a reference up: fixtures first, then what was fabricated earlier in the tenant's `collection`. */
export interface ReferenceLookup {
  tx: VendorTransaction;
  tenant: string;
  collection: string;
  fixtures: FixtureList;
  strict: boolean;
  id: string | number;
  /** The fixture records' id property (default `Id`). */
  key?: string;
}

/**
 * A reference by id: from the fixtures, else as fabricated earlier for this tenant, else fabricated now (the caller
 * stores it, so it stays the same), or `undefined` under `--strict-fixtures`.
 */
export function resolveReference<T>(lookup: ReferenceLookup, fabricate: () => T): Resolved<T> {
  const { tx, tenant, collection, fixtures, strict, id, key } = lookup;
  const fixture = fixtureById(fixtures, id, key);
  if (fixture !== undefined) return { record: fixture as T, fabricated: false };
  if (strict) return undefined;
  const stored = tx.get<T>(tenant, collection, String(id));
  if (stored !== undefined) return { record: stored, fabricated: false };
  return { record: fabricate(), fabricated: true };
}
