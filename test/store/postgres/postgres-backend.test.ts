import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, StoreOpenError, type Store } from '../../../src/store/index.js';
import { createTestDatabase } from '../../helpers/postgres-database.js';

const opened: Store[] = [];
const open = async (url: string) => {
  const store = await createStore({ postgres: url });
  opened.push(store);
  return store;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

describe('the PostgreSQL store', () => {
  it('keeps records, their order and sequences across a reopen, and migrates an empty database once', async () => {
    const url = await createTestDatabase();
    const [first, second] = await Promise.all([open(url), open(url)]); // two replicas migrating at once
    await first.transact((tx) => {
      for (const id of ['b', '10', '2', 'a']) tx.put('jtl', 't1', 'returns', id, { id, at: new Date('2026-01-01T00:00:00Z'), z: 1, a: 2 });
      tx.nextId('jtl', 't1', 'returns');
    });
    await first.transact((tx) => tx.put('jtl', 't1', 'returns', 'b', { id: 'b', changed: true }));
    await first.transact((tx) => tx.delete('jtl', 't1', 'returns', '2'));
    await second.refresh();
    const expected = [
      { id: 'b', changed: true },
      { id: '10', at: '2026-01-01T00:00:00.000Z', z: 1, a: 2 },
      { id: 'a', at: '2026-01-01T00:00:00.000Z', z: 1, a: 2 },
    ];
    expect(second.list('jtl', 't1', 'returns')).toEqual(expected);
    expect(Object.keys(second.get<Record<string, unknown>>('jtl', 't1', 'returns', 'a')!)).toEqual(['id', 'at', 'z', 'a']);
    await first.close();
    await second.close();
    const reopened = await open(url);
    expect(reopened.list('jtl', 't1', 'returns')).toEqual(expected);
    expect(await reopened.transact((tx) => tx.nextId('jtl', 't1', 'returns'))).toBe(2);
  });

  it('hands out distinct ids from two stores on one database, and each sees every record', async () => {
    const url = await createTestDatabase();
    const stores = [await open(url), await open(url)];
    const ids = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        stores[index % 2]!.transact((tx) => {
          const id = tx.nextId('emporix', 'acme', 'returns');
          tx.put('emporix', 'acme', 'returns', String(id), { id });
          return id;
        }),
      ),
    );
    expect(new Set(ids).size).toBe(100);
    for (const store of stores) {
      await store.refresh();
      expect(store.count('emporix', 'acme', 'returns')).toBe(100);
    }
  });

  it('lets exactly one of two stores accept a read-then-write on the same record', async () => {
    const url = await createTestDatabase();
    const [a, b] = [await open(url), await open(url)];
    await a.transact((tx) => tx.put('intershop', 's', 'approvals', 'r1', { approved: false }));
    await b.refresh();
    const approve = (store: Store) =>
      store.transact((tx) => {
        const record = tx.get<{ approved: boolean }>('intershop', 's', 'approvals', 'r1')!;
        if (record.approved) return 'conflict';
        tx.put('intershop', 's', 'approvals', 'r1', { approved: true });
        return 'approved';
      });
    const outcomes = await Promise.all([approve(a), approve(b), approve(a), approve(b)]);
    expect(outcomes.filter((o) => o === 'approved')).toHaveLength(1);
  });

  it('resets shared state once for every store', async () => {
    const url = await createTestDatabase();
    const [a, b] = [await open(url), await open(url)];
    await a.transact((tx) => tx.put('jtl', 't', 'c', '1', {}));
    await a.transact((tx) => tx.put('shopctrl', 't', 'c', '1', {}));
    await b.reset({ vendor: 'jtl' });
    await a.refresh();
    expect(a.count('jtl', 't', 'c')).toBe(0);
    expect(a.count('shopctrl', 't', 'c')).toBe(1);
    await b.reset();
    await a.refresh();
    expect(a.dump().vendors).toEqual({});
  });

  it('refuses a database whose schema a newer build migrated, and changes nothing in it', async () => {
    const url = await createTestDatabase();
    await (await open(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('INSERT INTO returns_mock.migrations (version) VALUES (99)');
      const error = await createStore({ postgres: url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreOpenError);
      expect((error as Error).message).toMatch(/version 99, newer than this build knows/);
      expect((await client.query('SELECT max(version) AS v FROM returns_mock.migrations')).rows[0].v).toBe(99);
    } finally {
      await client.end();
    }
  });

  it('refuses to start on a database it cannot reach, naming the URL with its password masked', async () => {
    const error = await createStore({ postgres: 'postgres://mock:s3cret@127.0.0.1:1/returns' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toContain('postgres://mock:***@127.0.0.1:1/returns');
    expect((error as Error).message).not.toContain('s3cret');
  });
});
