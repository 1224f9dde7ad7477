import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../src/store/state/apply-change.js';
import { createStore, StoreOpenError, STORE_DATA_VERSION, type Store } from '../../src/store/index.js';
import { createLogPersistence } from '../../src/store/persistence/log-persistence.js';
import { toRecordText } from '../../src/store/state/record-text.js';
import { createTempStoreFile } from './temp-dir.js';

const LOG = (file: string) => `${file}.log`;
const lines = async (file: string) => (await readFile(LOG(file), 'utf8')).split('\n').filter((line) => line !== '');
const create = (store: Store, padding = '') =>
  store.transact((tx) => {
    const id = tx.nextId('emporix', 'acme', 'returns');
    tx.put('emporix', 'acme', 'returns', String(id), { id, padding });
    return id;
  });

describe('a store file with an append-only log beside it', () => {
  it('appends one line per group commit, sized by the change and not by the store, and leaves the snapshot alone', async () => {
    const file = await createTempStoreFile();
    const filler = await createStore({ file });
    const padding = 'x'.repeat(1_000);
    await Promise.all(Array.from({ length: 2_000 }, () => create(filler, padding)));
    await filler.close();
    const snapshotBefore = await stat(file);
    expect(snapshotBefore.size).toBeGreaterThan(2_000 * 1_000);

    const store = await createStore({ file });
    await create(store, 'small');
    const [line] = await lines(file);
    expect(Buffer.byteLength(line!)).toBeLessThan(200);
    expect((await stat(file)).mtimeMs).toBe(snapshotBefore.mtimeMs);
    // 300 concurrent creates share a few writes: a few lines, every id in them.
    await Promise.all(Array.from({ length: 300 }, () => create(store)));
    const after = await lines(file);
    expect(after.length).toBeLessThanOrEqual(1 + 3);
    expect(after.join('\n').match(/"put"/g)).toHaveLength(301);
    expect((await createStore({ file })).count('emporix', 'acme', 'returns')).toBe(2_301);
  });

  it('replays the log in order after a crash (no close), deletes, resets and sequences included, then folds it into the snapshot', async () => {
    const file = await createTempStoreFile();
    const store = await createStore({ file });
    for (const id of ['10', 'b', '2', 'a']) await store.transact((tx) => tx.put('jtl', 't', 'returns', id, { id }));
    await store.transact((tx) => {
      tx.delete('jtl', 't', 'returns', 'b');
      tx.put('jtl', 't', 'returns', '10', { id: '10', updated: true });
      tx.nextId('jtl', 't', 'returns');
    });
    await store.transact((tx) => tx.put('jtl', 'gone', 'returns', 'x', {}));
    await store.reset({ vendor: 'jtl', tenant: 'gone' });
    const expected = store.dump();
    expect(await lines(file)).toHaveLength(7);

    const reopened = await createStore({ file });
    expect(reopened.dump()).toEqual(expected);
    expect(reopened.list('jtl', 't', 'returns')).toEqual([{ id: '10', updated: true }, { id: '2' }, { id: 'a' }]);
    expect(await readFile(LOG(file), 'utf8')).toBe('');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: STORE_DATA_VERSION, logBatch: 7 });
    expect(await reopened.transact((tx) => tx.nextId('jtl', 't', 'returns'))).toBe(2);
  });

  it('ignores a torn last line, which was never acknowledged, and appends after it cleanly', async () => {
    const file = await createTempStoreFile();
    const store = await createStore({ file });
    await create(store);
    const complete = await readFile(LOG(file), 'utf8');
    await writeFile(LOG(file), `${complete}[2,["put","emporix","acme","returns","2",{"id":2,"pad`);
    const reopened = await createStore({ file });
    expect(reopened.count('emporix', 'acme', 'returns')).toBe(1);
    await create(reopened);
    expect((await createStore({ file })).list('emporix', 'acme', 'returns')).toEqual([
      { id: 1, padding: '' },
      { id: 2, padding: '' },
    ]);
  });

  it('skips log batches the snapshot already holds: a crash between writing the snapshot and emptying the log', async () => {
    const file = await createTempStoreFile();
    await mkdir(path.dirname(file), { recursive: true });
    const partition = { collections: { returns: [['r', { v: 'snapshot' }]] }, sequences: { returns: 5 } };
    await writeFile(file, JSON.stringify({ version: STORE_DATA_VERSION, vendors: { jtl: { t: partition } }, logBatch: 5 }));
    await writeFile(
      LOG(file),
      ['[4,["put","jtl","t","returns","r",{"v":"stale"}],["sequence","jtl","t","returns",4]]', '[6,["put","jtl","t","returns","s",{"v":"new"}]]', ''].join('\n'),
    );
    const store = await createStore({ file });
    expect(store.list('jtl', 't', 'returns')).toEqual([{ v: 'snapshot' }, { v: 'new' }]);
    expect(await store.transact((tx) => tx.nextId('jtl', 't', 'returns'))).toBe(6);
  });

  it('refuses a log damaged before its last line, naming it, and leaves both files untouched', async () => {
    const file = await createTempStoreFile();
    const store = await createStore({ file });
    await create(store);
    await create(store);
    const [first, second] = await lines(file);
    const damaged = `${first}\n{"not a batch"}\n${second}\n`;
    await writeFile(LOG(file), damaged);
    const error: unknown = await createStore({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).file).toBe(LOG(file));
    expect((error as StoreOpenError).problem).toMatch(/line 2/);
    expect(await readFile(LOG(file), 'utf8')).toBe(damaged);
  });

  it('refuses a complete last line that is JSON but not a batch, instead of dropping it at the compaction that follows', async () => {
    const file = await createTempStoreFile();
    const store = await createStore({ file });
    await create(store);
    const [first] = await lines(file);
    for (const last of ['[2,["put","emporix","acme","returns","2"]]', '[2,["rename","emporix","acme"]]', '{"batch":2}']) {
      const damaged = `${first}\n${last}\n`;
      await writeFile(LOG(file), damaged);
      const error: unknown = await createStore({ file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreOpenError);
      expect((error as StoreOpenError).problem).toMatch(/line 2/);
      expect(await readFile(LOG(file), 'utf8')).toBe(damaged);
    }
  });

  it('loads a log that has no snapshot beside it yet (a store that never compacted)', async () => {
    const file = await createTempStoreFile();
    const store = await createStore({ file });
    await Promise.all(Array.from({ length: 50 }, () => create(store)));
    const copy = path.join(path.dirname(file), 'copy.json');
    await copyFile(LOG(file), LOG(copy));
    expect((await createStore({ file: copy })).count('emporix', 'acme', 'returns')).toBe(50);
  });
});

describe('compaction while running', () => {
  it('folds the log into the snapshot once it outgrows both the threshold and the snapshot, losing nothing', async () => {
    const file = await createTempStoreFile();
    const persistence = createLogPersistence(file, 2_000);
    const state = await persistence.load();
    const padding = 'x'.repeat(200);
    for (let n = 1; n <= 40; n += 1) {
      const change = { kind: 'put' as const, vendor: 'jtl', tenant: 't', collection: 'returns', id: String(n), json: toRecordText({ n, padding }) };
      applyChange(state, change);
      await persistence.write([change], state);
      // Never much past the threshold or the snapshot's size: the log is emptied when it gets there.
      expect((await stat(LOG(file))).size).toBeLessThanOrEqual(Math.max(2_000, (await stat(file).catch(() => ({ size: 0 }))).size) + 400);
    }
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as { logBatch: number; vendors: { jtl: { t: { collections: { returns: unknown[] } } } } };
    expect(snapshot.logBatch).toBeGreaterThan(0);
    expect(snapshot.vendors.jtl.t.collections.returns.length).toBeGreaterThan(5);
    const reopened = await createStore({ file });
    expect(reopened.list<{ n: number }>('jtl', 't', 'returns').map((r) => r.n)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
