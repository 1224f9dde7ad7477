import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonFileAdapter, createStore, StoreOpenError, STORE_DATA_VERSION } from '../../src/store/index.js';
import { createTempDir, createTempStoreFile } from './temp-dir.js';

const openError = async (file: string): Promise<StoreOpenError> => {
  const error: unknown = await createStore({ file }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreOpenError);
  return error as StoreOpenError;
};

const partition = (collections: unknown, sequences: unknown = {}) => ({ version: STORE_DATA_VERSION, vendors: { jtl: { t: { collections, sequences } } } });

describe('createJsonFileAdapter', () => {
  it('reads a missing file as empty and creates only the directory and the lock until the first write, then the log and on close the file', async () => {
    const file = await createTempStoreFile();
    expect(await createJsonFileAdapter(file).read()).toBeNull();
    const store = await createStore({ file });
    expect(await readdir(path.dirname(file))).toEqual([`${path.basename(file)}.lock`]);
    await store.transact((tx) => tx.put('jtl', 't', 'returns', '1', {}));
    expect(await readFile(`${file}.log`, 'utf8')).toContain('"put","jtl","t","returns","1",{}');
    await store.close();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ ...partition({ returns: [['1', {}]] }), logBatch: 1 });
    expect(await readFile(`${file}.log`, 'utf8')).toBe('');
  });

  it.each([
    ['truncated JSON', '{"version":2,"vendors":{', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['a list', '[]', /not a returns-mock store/],
    ['another program’s JSON', '{"not":"a store"}', /version/],
    ['the version-1 format', '{"version":1,"vendors":{}}', /version 1 and this build reads version 2/],
  ])('refuses %s, naming the file and the problem, and leaves it untouched', async (_, content, problem) => {
    const file = await createTempStoreFile();
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    const error = await openError(file);
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    expect(error.problem).toMatch(problem);
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it.each([
    ['a collection that is not a list', partition({ returns: { 1: {} } }), '/vendors/jtl/t/collections/returns'],
    ['a record without an id', partition({ returns: [[{}]] }), '/vendors/jtl/t/collections/returns/0'],
    [
      'a duplicate id',
      partition({
        returns: [
          ['1', {}],
          ['1', {}],
        ],
      }),
      'duplicate id "1" at /vendors/jtl/t/collections/returns/1',
    ],
    ['a negative sequence', partition({}, { returns: -1 }), '/vendors/jtl/t/sequences/returns'],
    ['a partition without collections', { version: STORE_DATA_VERSION, vendors: { jtl: { 'a/b': {} } } }, '/vendors/jtl/a~1b'],
  ])('refuses %s with a JSON pointer instead of dropping data', async (_, content, where) => {
    const file = await createTempStoreFile();
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(content));
    expect((await openError(file)).problem).toContain(where);
  });

  it('refuses a path it cannot read as a file', async () => {
    const dir = await createTempDir();
    expect((await openError(dir)).problem).toMatch(/cannot be read/);
  });

  it('ignores a half-written temp file left by a crash: the last complete file wins', async () => {
    const file = await createTempStoreFile();
    const store = await createStore({ file });
    await store.transact((tx) => tx.put('jtl', 't', 'returns', '1', { ok: true }));
    // The adapter writes `.<name>.tmp` next to the file, then renames it over the file.
    await writeFile(path.join(path.dirname(file), `.${path.basename(file)}.tmp`), '{"version":2,"vend');
    const reopened = await createStore({ file });
    expect(reopened.get('jtl', 't', 'returns', '1')).toEqual({ ok: true });
    await reopened.transact((tx) => tx.put('jtl', 't', 'returns', '2', {}));
    expect(reopened.count('jtl', 't', 'returns')).toBe(2);
    expect((await createStore({ file })).count('jtl', 't', 'returns')).toBe(2);
  });

  it('never shows a reader a file that does not parse, however many writes run', async () => {
    const file = await createTempStoreFile();
    const store = await createStore({ adapter: createJsonFileAdapter(file) });
    await store.transact((tx) => tx.put('jtl', 't', 'returns', '0', {}));
    let writing = true;
    let reads = 0;
    const reader = (async () => {
      while (writing) {
        const text = await readFile(file, 'utf8');
        expect(() => JSON.parse(text)).not.toThrow();
        reads += 1;
      }
    })();
    const padding = 'x'.repeat(2_000);
    for (let wave = 0; wave < 20; wave += 1) {
      await Promise.all(Array.from({ length: 20 }, () => store.transact((tx) => tx.put('jtl', 't', 'returns', String(tx.nextId('jtl', 't', 'returns')), { padding }))));
    }
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect(store.count('jtl', 't', 'returns')).toBe(401);
  });
});

describe('in-memory store', () => {
  it('writes nothing to disk', async () => {
    const dir = await createTempDir();
    const cwd = process.cwd();
    process.chdir(dir); // a relative default such as `.data/` would land here
    try {
      const store = await createStore({ inMemory: true });
      await store.transact((tx) => tx.put('jtl', 't', 'returns', '1', { id: 1 }));
      await store.reset({ vendor: 'jtl' });
      await store.transact((tx) => tx.put('jtl', 't', 'returns', '2', { id: 2 }));
      await store.close();
      expect(store.list('jtl', 't', 'returns')).toEqual([{ id: 2 }]);
    } finally {
      process.chdir(cwd);
    }
    expect(await readdir(dir)).toEqual([]);
  });
});
