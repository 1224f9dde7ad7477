import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../src/store/persistence/group-commit.js';
import { createJsonFileAdapter, createMemoryAdapter, createStore, type StoreAdapter } from '../../src/store/index.js';
import { createCountingAdapter, idsIn } from './counting-adapter.js';
import { createTempStoreFile } from './temp-dir.js';

/** A write the test finishes by hand. */
function createManualWrites() {
  const started: Array<{ finish: () => void; fail: (error: Error) => void }> = [];
  const write = () =>
    new Promise<void>((resolve, reject) => {
      started.push({ finish: resolve, fail: reject });
    });
  return { started, write };
}

const settled = async <T>(promise: Promise<T>) => {
  let state = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await new Promise((resolve) => setTimeout(resolve, 5));
  return state;
};

describe('createGroupCommit', () => {
  it('runs one write at a time and lets every commit that arrives meanwhile share the next one', async () => {
    const { started, write } = createManualWrites();
    const commits = createGroupCommit(write);
    const first = commits.commit();
    expect(started).toHaveLength(1);
    const waiting = [commits.commit(), commits.commit(), commits.commit()];
    expect(started).toHaveLength(1);
    started[0]!.finish();
    expect(await settled(first)).toBe('resolved');
    expect(started).toHaveLength(2);
    // The waiting commits are not done when the write that was running when they came is done.
    expect(await settled(Promise.all(waiting))).toBe('pending');
    started[1]!.finish();
    expect(await settled(Promise.all(waiting))).toBe('resolved');
    expect(started).toHaveLength(2);
  });

  it('rejects exactly the commits of a failed write and carries on', async () => {
    const { started, write } = createManualWrites();
    const commits = createGroupCommit(write);
    const first = commits.commit();
    const group = [commits.commit(), commits.commit()];
    started[0]!.finish();
    await first;
    started[1]!.fail(new Error('disk full'));
    await expect(Promise.all(group)).rejects.toThrow('disk full');
    const later = commits.commit();
    started[2]!.finish();
    await expect(later).resolves.toBeUndefined();
  });

  it('flushes: resolves once nothing is running or waiting', async () => {
    const { started, write } = createManualWrites();
    const commits = createGroupCommit(write);
    const first = commits.commit();
    const second = commits.commit();
    const secondOutcome = second.catch((error: Error) => error.message);
    const flushed = commits.flush();
    started[0]!.finish();
    expect(await settled(flushed)).toBe('pending');
    started[1]!.fail(new Error('ignored by flush, reported to its commits'));
    expect(await settled(flushed)).toBe('resolved');
    await expect(first).resolves.toBeUndefined();
    expect(await secondOutcome).toBe('ignored by flush, reported to its commits');
  });
});

describe('store group commit', () => {
  it('gives 500 concurrent transactions unique ids in a handful of writes, each resolved after a write that holds it', async () => {
    const file = await createTempStoreFile();
    const adapter = createCountingAdapter(createJsonFileAdapter(file));
    const store = await createStore({ adapter });
    const acknowledgedLate: number[] = [];
    const ids = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        store
          .transact((tx) => {
            const id = tx.nextId('jtl', 'tenant-a', 'returns');
            tx.put('jtl', 'tenant-a', 'returns', String(id), { id, i });
            return id;
          })
          .then((id) => {
            // Resolution comes after a completed write: the latest one must already hold this record.
            if (!idsIn(adapter.completed.at(-1), 'jtl', 'tenant-a', 'returns').includes(String(id))) acknowledgedLate.push(id);
            return id;
          }),
      ),
    );
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(acknowledgedLate).toEqual([]);
    // The first transaction starts a write; the other 499 arrive while it runs and share the next one.
    expect(adapter.completed.length).toBeGreaterThanOrEqual(1);
    expect(adapter.completed.length).toBeLessThanOrEqual(3);
    expect(adapter.maxInFlight).toBe(1);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as Parameters<typeof idsIn>[0];
    expect(idsIn(onDisk, 'jtl', 'tenant-a', 'returns')).toEqual(ids.map(String));
  });

  it('keeps group-committing when transactions keep coming while writes run', async () => {
    const adapter = createCountingAdapter(createJsonFileAdapter(await createTempStoreFile()));
    const store = await createStore({ adapter });
    const all: Array<Promise<number>> = [];
    for (let wave = 0; wave < 10; wave += 1) {
      for (let i = 0; i < 50; i += 1) all.push(store.transact((tx) => tx.nextId('emporix', 'acme', 'returns')));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(new Set(await Promise.all(all)).size).toBe(500);
    expect(adapter.completed.length).toBeLessThan(500 / 10);
    expect(adapter.maxInFlight).toBe(1);
  });

  it('rejects the transactions of a failed write, and the next write makes their changes durable', async () => {
    let failNext = false;
    const inner = createMemoryAdapter();
    const failing: StoreAdapter = {
      read: () => inner.read(),
      write: (data) => (failNext ? ((failNext = false), Promise.reject(new Error('disk full'))) : inner.write(data)),
    };
    const store = await createStore({ adapter: failing });
    failNext = true;
    await expect(store.transact((tx) => tx.put('jtl', 't', 'returns', '1', { id: 1 }))).rejects.toThrow('disk full');
    // Documented: the change stays in memory and rides along with the next successful write.
    await store.transact((tx) => tx.put('jtl', 't', 'returns', '2', { id: 2 }));
    expect(idsIn((await inner.read()) ?? undefined, 'jtl', 't', 'returns')).toEqual(['1', '2']);
  });
});
