import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createStore, STORE_DATA_VERSION, type Store } from '../../src/store/index.js';
import { createTempStoreFile } from './temp-dir.js';

const put = (store: Store, vendor: string, tenant: string, collection: string, id: string, record: unknown) =>
  store.transact((tx) => tx.put(vendor, tenant, collection, id, record));

describe('createStore', () => {
  it('reads back what it stored, and a new store on the same file sees every acknowledged write', async () => {
    const file = await createTempStoreFile();
    const store = await createStore({ file });
    await put(store, 'emporix', 'acme', 'returns', 'r1', { id: 'r1', approvalStatus: 'PENDING', items: [{ qty: 1 }] });
    const n = await store.transact((tx) => tx.nextId('emporix', 'acme', 'returns'));
    expect(store.get('emporix', 'acme', 'returns', 'r1')).toEqual({ id: 'r1', approvalStatus: 'PENDING', items: [{ qty: 1 }] });
    // No close(): a resolved transaction is already on disk.
    const reopened = await createStore({ file });
    expect(reopened.get('emporix', 'acme', 'returns', 'r1')).toEqual({ id: 'r1', approvalStatus: 'PENDING', items: [{ qty: 1 }] });
    expect(await reopened.transact((tx) => tx.nextId('emporix', 'acme', 'returns'))).toBe(n + 1);
    await reopened.close();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: STORE_DATA_VERSION });
  });

  it('starts empty on a missing file and answers "not found" with undefined and []', async () => {
    const store = await createStore({ file: await createTempStoreFile() });
    expect(store.get('jtl', 't', 'returns', '1')).toBeUndefined();
    expect(store.list('jtl', 't', 'returns')).toEqual([]);
    expect(store.count('jtl', 't', 'returns')).toBe(0);
    expect(store.dump()).toEqual({ version: STORE_DATA_VERSION, vendors: {} });
  });

  it('lists in insertion order, integer-like ids included, before and after a restart', async () => {
    const file = await createTempStoreFile();
    const store = await createStore({ file });
    for (const id of ['10', 'b', '2', 'a', '1']) await put(store, 'jtl', 't', 'returns', id, { id });
    await put(store, 'jtl', 't', 'returns', '2', { id: '2', updated: true }); // a known id keeps its place
    const expected = [{ id: '10' }, { id: 'b' }, { id: '2', updated: true }, { id: 'a' }, { id: '1' }];
    expect(store.list('jtl', 't', 'returns')).toEqual(expected);
    expect((await createStore({ file })).list('jtl', 't', 'returns')).toEqual(expected);
  });

  it('keeps vendors and tenants apart', async () => {
    const store = await createStore({ inMemory: true });
    await store.transact((tx) => {
      tx.put('emporix', 'acme', 'returns', 'r1', { id: 'r1' });
      tx.put('emporix', 'globex', 'returns', 'r1', { id: 'r1', other: true });
      tx.put('jtl', 'acme', 'returns', 'r3', { id: 'r3' });
    });
    const ids = await store.transact((tx) => [tx.nextId('emporix', 'acme', 'returns'), tx.nextId('emporix', 'globex', 'returns'), tx.nextId('jtl', 'acme', 'returns')]);
    expect(ids).toEqual([1, 1, 1]);
    expect(store.list('emporix', 'acme', 'returns')).toEqual([{ id: 'r1' }]);
    expect(store.get('emporix', 'globex', 'returns', 'r1')).toEqual({ id: 'r1', other: true });
    expect(store.get('emporix', 'acme', 'returns', 'r3')).toBeUndefined();
    expect(store.get('jtl', 'globex', 'returns', 'r3')).toBeUndefined();
    expect(store.count('jtl', 'acme', 'returns')).toBe(1);
  });

  it('keeps nothing of a transaction that throws, and passes the error on', async () => {
    const store = await createStore({ inMemory: true });
    await put(store, 'emporix', 'acme', 'returns', 'keep', { id: 'keep' });
    const refused = new Error('refused');
    await expect(
      store.transact((tx) => {
        tx.put('emporix', 'acme', 'returns', 'r1', { id: 'r1' });
        tx.put('emporix', 'acme', 'returns', 'keep', { id: 'keep', changed: true });
        tx.delete('emporix', 'acme', 'returns', 'keep');
        tx.put('jtl', 'new-tenant', 'returns', 'x', {});
        tx.nextId('emporix', 'acme', 'returns');
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(store.list('emporix', 'acme', 'returns')).toEqual([{ id: 'keep' }]);
    expect(store.dump().vendors).not.toHaveProperty('jtl');
    expect(await store.transact((tx) => tx.nextId('emporix', 'acme', 'returns'))).toBe(1);
  });

  it('keeps nothing of a record that is not JSON, nor of an async function', async () => {
    const store = await createStore({ inMemory: true });
    await expect(store.transact((tx) => tx.put('jtl', 't', 'c', 'a', { n: 1n }))).rejects.toThrow(TypeError);
    await expect(store.transact((tx) => tx.put('jtl', 't', 'c', 'a', undefined))).rejects.toThrow(TypeError);
    await expect(
      store.transact(async (tx) => {
        tx.put('jtl', 't', 'c', 'b', {});
        await Promise.resolve();
        tx.put('jtl', 't', 'c', 'c', {});
      }),
    ).rejects.toThrow(/synchronous/);
    expect(store.count('jtl', 't', 'c')).toBe(0);
  });

  it('lets a transaction read its own changes, and nothing else see them before it ends', async () => {
    const store = await createStore({ inMemory: true });
    await put(store, 'jtl', 't', 'returns', '1', { status: 'OPEN' });
    const seen = await store.transact((tx) => {
      tx.put('jtl', 't', 'returns', '1', { status: 'CLOSED' });
      tx.put('jtl', 't', 'returns', '2', { status: 'OPEN' });
      const deleted = tx.delete('jtl', 't', 'returns', '2');
      return {
        inside: tx.get('jtl', 't', 'returns', '1'),
        list: tx.list('jtl', 't', 'returns'),
        outside: store.get('jtl', 't', 'returns', '1'),
        deleted,
        missing: tx.delete('jtl', 't', 'returns', 'nope'),
      };
    });
    expect(seen).toEqual({ inside: { status: 'CLOSED' }, list: [{ status: 'CLOSED' }], outside: { status: 'OPEN' }, deleted: true, missing: false });
    expect(store.get('jtl', 't', 'returns', '1')).toEqual({ status: 'CLOSED' });
  });

  it('refuses a tx used after its function returned, a nested transaction and changes after close', async () => {
    const store = await createStore({ inMemory: true });
    let leaked: Parameters<Parameters<Store['transact']>[0]>[0] | undefined;
    await store.transact((tx) => (leaked = tx));
    expect(() => leaked!.put('jtl', 't', 'c', '1', {})).toThrow(/ended/);
    await expect(store.transact(() => store.transact(() => 1))).rejects.toThrow(/inside a transaction/);
    await expect(store.transact(() => void store.reset())).rejects.toThrow(/inside a transaction/);
    await store.close();
    await expect(put(store, 'jtl', 't', 'c', '1', {})).rejects.toThrow(/close/);
    expect(store.count('jtl', 't', 'c')).toBe(0);
  });

  it('refuses empty or non-string names instead of guessing', async () => {
    const store = await createStore({ inMemory: true });
    expect(() => store.get('jtl', '', 'returns', '1')).toThrow(TypeError);
    expect(() => store.get('jtl', 't', 'returns', 1 as unknown as string)).toThrow(TypeError);
    await expect(store.transact((tx) => tx.nextId('jtl', 't', ''))).rejects.toThrow(TypeError);
  });

  it('keeps what it stores out of reach: a read gives a copy or a frozen record, and changing what was put changes nothing', async () => {
    const store = await createStore({ inMemory: true });
    const original = { id: 'r1', items: [1], at: new Date('2026-01-02T03:04:05.000Z') };
    await put(store, 'emporix', 'acme', 'returns', 'r1', original);
    original.items.push(99);
    const copy = store.get<{ items: number[] }>('emporix', 'acme', 'returns', 'r1')!;
    copy.items.push(2);
    // A list gives the stored records themselves, frozen: changing one throws instead of reaching the store.
    expect(() => store.list<{ items: number[] }>('emporix', 'acme', 'returns')[0]!.items.push(3)).toThrow(TypeError);
    store.dump().vendors.emporix!.acme!.collections.returns![0]![1] = 'overwritten';
    // Stored as JSON at once, so a Date reads the same before and after a restart.
    expect(store.get('emporix', 'acme', 'returns', 'r1')).toEqual({ id: 'r1', items: [1], at: '2026-01-02T03:04:05.000Z' });
  });

  it('resets everything, one vendor or one tenant, durably, and never widens a tenant alone to everything', async () => {
    const file = await createTempStoreFile();
    const store = await createStore({ file });
    const counts = (s: Store) => [s.count('emporix', 'acme', 'returns'), s.count('emporix', 'globex', 'returns'), s.count('jtl', 't', 'returns')];
    await store.transact((tx) => {
      tx.put('emporix', 'acme', 'returns', 'a', {});
      tx.put('emporix', 'globex', 'returns', 'b', {});
      tx.put('jtl', 't', 'returns', 'c', {});
      tx.nextId('emporix', 'acme', 'returns');
    });
    await expect(store.reset({ tenant: 'acme' })).rejects.toThrow(TypeError);
    expect(counts(store)).toEqual([1, 1, 1]);
    await store.reset({ vendor: 'emporix', tenant: 'acme' });
    expect(counts(store)).toEqual([0, 1, 1]);
    expect(counts(await createStore({ file }))).toEqual([0, 1, 1]);
    expect(await store.transact((tx) => tx.nextId('emporix', 'acme', 'returns'))).toBe(1);
    await store.reset({ vendor: 'emporix' });
    expect(counts(await createStore({ file }))).toEqual([0, 0, 1]);
    await store.reset({ vendor: undefined, tenant: undefined });
    expect(counts(await createStore({ file }))).toEqual([0, 0, 0]);
    expect(store.dump()).toEqual({ version: STORE_DATA_VERSION, vendors: {} });
  });

  it('dumps everything as plain JSON, partitions and sequences included', async () => {
    const store = await createStore({ inMemory: true });
    await store.transact((tx) => {
      tx.put('intershop', 'shop1', 'returnRequests', String(tx.nextId('intershop', 'shop1', 'returnRequests')), { n: 1 });
      tx.put('shopctrl', 'default', 'returns', 'x', { n: 2 });
    });
    expect(store.dump()).toEqual({
      version: STORE_DATA_VERSION,
      vendors: {
        intershop: { shop1: { collections: { returnRequests: [['1', { n: 1 }]] }, sequences: { returnRequests: 1 } } },
        shopctrl: { default: { collections: { returns: [['x', { n: 2 }]] }, sequences: {} } },
      },
    });
  });
});
