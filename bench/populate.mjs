// Pre-populates a store file directly in the store's on-disk format (a version-2 snapshot, no log), so the
// scaling runs start with 10,000 or 100,000 Emporix returns without 100,000 HTTP creates.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `count` copies of `template` (each with a fresh id, then changed by `vary(record, i)` if given) as tenant
 * `tenant`'s Emporix returns, its id counter at `count`; returns the ids.
 */
export function populateStore(file, { count, template, tenant = 'acme', vary = (record) => record }) {
  const records = [];
  for (let i = 0; i < count; i += 1) {
    const id = randomUUID();
    records.push([id, vary({ ...template, id }, i)]);
  }
  const data = { version: 2, vendors: count === 0 ? {} : { emporix: { [tenant]: { collections: { returns: records }, sequences: { returns: count } } } } };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data));
  return records.map(([id]) => id);
}
