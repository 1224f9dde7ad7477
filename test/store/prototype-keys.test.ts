import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, loadFixtures, mergeFixtureDocument, type Fixtures } from '../../src/store/index.js';
import { createTempDir, createTempStoreFile } from './temp-dir.js';

const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Nothing may have reached Object.prototype. */
const expectUnpolluted = () => {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(typeof Object.prototype.toString).toBe('function');
};
afterEach(expectUnpolluted);

describe('prototype keys are ordinary keys', () => {
  it('in the store: as vendor, tenant, collection, id, sequence and record field, across a restart', async () => {
    const file = await createTempStoreFile();
    const store = await createStore({ file });
    const evil = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as object;
    await store.transact((tx) => {
      for (const key of KEYS) {
        tx.put(key, key, key, key, { key, evil });
        tx.nextId(key, key, key);
      }
    });
    expectUnpolluted();
    for (const opened of [store, await createStore({ file })]) {
      for (const key of KEYS) {
        const record = opened.get<{ key: string; evil: Record<string, unknown> }>(key, key, key, key)!;
        expect(record.key).toBe(key);
        expect(Object.hasOwn(record.evil, '__proto__')).toBe(true);
        expect(Object.getPrototypeOf(record.evil)).toBe(Object.prototype);
        expect(opened.list(key, key, key)).toHaveLength(1);
      }
      // A tenant called __proto__ is not a back door into another tenant.
      expect(opened.get('__proto__', 'acme', '__proto__', '__proto__')).toBeUndefined();
      expect(opened.get('jtl', '__proto__', 'returns', 'constructor')).toBeUndefined();
      expect(opened.count('jtl', 'acme', 'constructor')).toBe(0);
      const dump = opened.dump();
      expect(Object.hasOwn(dump.vendors, '__proto__')).toBe(true);
      expect(Object.hasOwn(dump.vendors['__proto__']!, '__proto__')).toBe(true);
    }
    expect(await store.transact((tx) => tx.nextId('constructor', 'constructor', 'constructor'))).toBe(2);
  });

  it('in fixtures: as vendor folder, collection and record field, from files and from posted data', async () => {
    const dir = await createTempDir('returns-mock-fixtures-');
    await mkdir(path.join(dir, '__proto__'));
    await mkdir(path.join(dir, 'constructor'));
    await writeFile(path.join(dir, '__proto__', 'a.yaml'), '__proto__:\n  - polluted: true\n    __proto__: { polluted: true }\n');
    await writeFile(path.join(dir, 'constructor', 'prototype.json'), '[{"__proto__": {"polluted": true}}]');
    const fixtures = await loadFixtures(dir);
    expectUnpolluted();
    expect(Object.keys(fixtures).sort()).toEqual(['__proto__', 'constructor']);
    expect(fixtures['__proto__']!['__proto__']).toHaveLength(1);
    expect(Object.hasOwn(fixtures['constructor']!['prototype']![0]!, '__proto__')).toBe(true);
    expect(fixtures['toString']).toBeUndefined();

    // The admin route stages into a plain object literal.
    const staged: Fixtures = {};
    mergeFixtureDocument(staged, '__proto__', JSON.parse('{"__proto__": [{"polluted": true}]}'), 'POST /__admin/fixtures');
    expect(Object.getPrototypeOf(staged)).toBe(Object.prototype);
    expect(Object.hasOwn(staged, '__proto__')).toBe(true);
    expect(staged['__proto__']!['__proto__']).toEqual([{ polluted: true }]);
  });
});
