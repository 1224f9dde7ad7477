import { createDictionary } from '../state/create-dictionary.js';
import { StoreOpenError } from './store-open-error.js';
import { STORE_DATA_VERSION, type Partition, type StoreData, type StoredRecord } from '../types.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const pointerTo = (...tokens: Array<string | number>) => tokens.map((t) => `/${String(t).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/**
 * Checks parsed file content and returns it as prototype-free `StoreData`, or throws a `StoreOpenError`
 * naming `file`, the problem and its JSON pointer. Nothing is dropped silently: data the store cannot
 * read is refused, so it is never overwritten.
 */
export function parseStoreData(value: unknown, file: string): StoreData {
  function fail(pointer: string, problem: string): never {
    throw new StoreOpenError(file, pointer === '' ? problem : `${problem} at ${pointer}`);
  }
  if (!isObject(value)) fail('', 'it is not a returns-mock store (a JSON object with "version" and "vendors"); move it away or choose another file');
  if (value.version !== STORE_DATA_VERSION) {
    fail('/version', `it is version ${JSON.stringify(value.version) ?? 'none'} and this build reads version ${STORE_DATA_VERSION}; move it away or choose another file`);
  }
  if (!isObject(value.vendors)) fail('/vendors', 'expected an object of vendors');
  const vendors = createDictionary<Record<string, Partition>>();
  for (const [vendor, tenants] of Object.entries(value.vendors)) {
    if (!isObject(tenants)) fail(pointerTo('vendors', vendor), 'expected an object of tenants');
    const target = (vendors[vendor] = createDictionary<Partition>());
    for (const [tenant, partition] of Object.entries(tenants)) {
      const at = (...tokens: Array<string | number>) => pointerTo('vendors', vendor, tenant, ...tokens);
      if (!isObject(partition) || !isObject(partition.collections) || !isObject(partition.sequences)) {
        fail(at(), 'expected a partition: { "collections": {…}, "sequences": {…} }');
      }
      const collections = createDictionary<StoredRecord[]>();
      for (const [name, records] of Object.entries(partition.collections)) {
        if (!Array.isArray(records)) fail(at('collections', name), 'expected a list of [id, record] pairs');
        const seen = new Set<string>();
        collections[name] = records.map((entry: unknown, index): StoredRecord => {
          if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || entry[0] === '' || entry[1] === undefined) {
            fail(at('collections', name, index), 'expected an [id, record] pair with a non-empty string id');
          }
          const [id, record] = entry as [string, unknown];
          if (seen.has(id)) fail(at('collections', name, index), `duplicate id ${JSON.stringify(id)}`);
          seen.add(id);
          return [id, record];
        });
      }
      const sequences = createDictionary<number>();
      for (const [name, next] of Object.entries(partition.sequences)) {
        if (typeof next !== 'number' || !Number.isSafeInteger(next) || next < 0) fail(at('sequences', name), 'expected a non-negative integer');
        sequences[name] = next;
      }
      target[tenant] = { collections, sequences };
    }
  }
  return { version: STORE_DATA_VERSION, vendors };
}
