import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore, StoreOpenError } from '../../src/store/index.js';

const tempFile = async () => path.join(await mkdtemp(path.join(tmpdir(), 'returns-mock-store-')), 'nested', 'store.json');

describe('store', () => {
  it('keeps every acknowledged write across a restart', async () => {
    const file = await tempFile();
    const store = await createStore({ file });
    await store.transact((tx) => tx.put('emporix', 'acme', 'returns', 'r1', { id: 'r1', approvalStatus: 'PENDING' }));
    await store.close();
    const reopened = await createStore({ file });
    expect(reopened.get('emporix', 'acme', 'returns', 'r1')).toEqual({ id: 'r1', approvalStatus: 'PENDING' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('isolates tenants and vendors', async () => {
    const store = await createStore({ inMemory: true });
    await store.transact((tx) => {
      tx.put('emporix', 'acme', 'returns', 'r1', { id: 'r1' });
      tx.put('emporix', 'globex', 'returns', 'r2', { id: 'r2' });
      tx.put('jtl', 'acme', 'returns', 'r3', { id: 'r3' });
    });
    expect(store.list('emporix', 'acme', 'returns')).toEqual([{ id: 'r1' }]);
    expect(store.get('emporix', 'acme', 'returns', 'r2')).toBeUndefined();
    expect(store.count('jtl', 'acme', 'returns')).toBe(1);
  });

  it('hands out unique ids under 500 concurrent transactions, every one of them in the file once they resolve', async () => {
    const file = await tempFile();
    const store = await createStore({ file });
    const ids = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        store.transact((tx) => {
          const id = tx.nextId('jtl', 't', 'returns');
          tx.put('jtl', 't', 'returns', String(id), { id, i });
          return id;
        }),
      ),
    );
    expect(new Set(ids).size).toBe(500);
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    expect(Object.keys(onDisk.vendors.jtl.t.collections.returns)).toHaveLength(500);
  });

  it('acknowledges a write only once it is in the file', async () => {
    const file = await tempFile();
    const store = await createStore({ file });
    await store.transact((tx) => tx.put('intershop', 'shop', 'returnRequests', '1', { id: 1 }));
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    expect(onDisk.vendors.intershop.shop.collections.returnRequests['1']).toEqual({ id: 1 });
  });

  it('keeps nothing of a transaction that throws', async () => {
    const store = await createStore({ inMemory: true });
    await expect(
      store.transact((tx) => {
        tx.put('emporix', 'acme', 'returns', 'r1', { id: 'r1' });
        tx.nextId('emporix', 'acme', 'returns');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(store.get('emporix', 'acme', 'returns', 'r1')).toBeUndefined();
    expect(await store.transact((tx) => tx.nextId('emporix', 'acme', 'returns'))).toBe(1);
  });

  it('returns copies: a caller cannot change stored data by accident', async () => {
    const store = await createStore({ inMemory: true });
    await store.transact((tx) => tx.put('emporix', 'acme', 'returns', 'r1', { id: 'r1', items: [1] }));
    const copy = store.get<{ items: number[] }>('emporix', 'acme', 'returns', 'r1')!;
    copy.items.push(2);
    expect(store.get('emporix', 'acme', 'returns', 'r1')).toEqual({ id: 'r1', items: [1] });
  });

  it('resets everything, one vendor or one tenant', async () => {
    const store = await createStore({ inMemory: true });
    const fill = () =>
      store.transact((tx) => {
        tx.put('emporix', 'acme', 'returns', 'a', {});
        tx.put('emporix', 'globex', 'returns', 'b', {});
        tx.put('jtl', 't', 'returns', 'c', {});
      });
    await fill();
    await store.reset({ vendor: 'emporix', tenant: 'acme' });
    expect([store.count('emporix', 'acme', 'returns'), store.count('emporix', 'globex', 'returns'), store.count('jtl', 't', 'returns')]).toEqual([0, 1, 1]);
    await store.reset({ vendor: 'emporix' });
    expect([store.count('emporix', 'globex', 'returns'), store.count('jtl', 't', 'returns')]).toEqual([0, 1]);
    await store.reset();
    expect(store.dump()).toEqual({ version: 1, vendors: {} });
  });

  it('treats __proto__, constructor and prototype as ordinary keys, across a restart', async () => {
    const file = await tempFile();
    const store = await createStore({ file });
    await store.transact((tx) => {
      tx.put('emporix', '__proto__', 'returns', 'constructor', { polluted: true });
      tx.put('emporix', 'prototype', '__proto__', '__proto__', { polluted: true });
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const reopened = await createStore({ file });
    expect(reopened.get('emporix', '__proto__', 'returns', 'constructor')).toEqual({ polluted: true });
    expect(reopened.list('emporix', 'prototype', '__proto__')).toEqual([{ polluted: true }]);
    expect(reopened.get('emporix', 'acme', 'returns', 'constructor')).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses to open a file that is not a store, naming it, and leaves it untouched', async () => {
    const file = await tempFile();
    await createStore({ file });
    await writeFile(file, '{"not":"a store"');
    await expect(createStore({ file })).rejects.toThrow(StoreOpenError);
    await expect(createStore({ file })).rejects.toThrow(file);
    expect(await readFile(file, 'utf8')).toBe('{"not":"a store"');
  });
});
