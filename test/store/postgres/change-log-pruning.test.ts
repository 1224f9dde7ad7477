import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, mergeFixtureDocument, type Fixtures, type Store } from '../../../src/store/index.js';
import { createPostgresBackend } from '../../../src/store/persistence/postgres/postgres-backend.js';
import { createTestDatabase } from '../../helpers/postgres-database.js';

/** Change-log rows kept in these tests: small, so a few commits prune. */
const ROWS = 5;

const opened: Store[] = [];
const open = async (url: string) => {
  const store = await createStore({ backend: createPostgresBackend(url, { changeLogRows: ROWS }) });
  opened.push(store);
  return store;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

const query = async <T extends pg.QueryResultRow>(url: string, text: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
};

const createReturn = (store: Store) =>
  store.transact((tx) => {
    const id = tx.nextId('emporix', 'acme', 'returns');
    tx.put('emporix', 'acme', 'returns', String(id), { id });
    return id;
  });

const fixturesOf = (document: Record<string, unknown>): Fixtures => {
  const fixtures: Fixtures = Object.create(null) as Fixtures;
  for (const [vendor, collections] of Object.entries(document)) mergeFixtureDocument(fixtures, vendor, collections, 'test');
  return fixtures;
};

describe('the PostgreSQL change log', () => {
  it('is pruned to at most twice the rows kept, and stores left behind reload: no record lost, no id handed out twice', async () => {
    const url = await createTestDatabase();
    const writer = await open(url);
    const behindCommitting = await open(url);
    const behindReading = await open(url);
    for (let round = 0; round < 40; round += 1) await createReturn(writer);
    expect(await query(url, 'SELECT position FROM returns_mock.changes').then((rows) => rows.length)).toBeLessThanOrEqual(2 * ROWS);
    const pruned = await query<{ through: string }>(url, 'SELECT through FROM returns_mock.changes_pruned');
    expect(Number(pruned[0]!.through)).toBeGreaterThan(0);
    // A store 40 commits behind a log of at most 10 rows: its next commit decides on the whole current state.
    expect(await createReturn(behindCommitting)).toBe(41);
    expect(behindCommitting.count('emporix', 'acme', 'returns')).toBe(41);
    await behindReading.refresh();
    await writer.refresh();
    expect(behindReading.list('emporix', 'acme', 'returns')).toEqual(writer.list('emporix', 'acme', 'returns'));
    expect(behindReading.count('emporix', 'acme', 'returns')).toBe(41);
    expect((await open(url)).count('emporix', 'acme', 'returns')).toBe(41);
  });

  it('is pruned by a full reset too; a store behind it still gets the fixtures added before the reset', async () => {
    const url = await createTestDatabase();
    const [first, second] = [await open(url), await open(url)];
    const files = { intershop: { shops: [{ name: 'S1' }] } };
    const [ofFirst, ofSecond] = [fixturesOf(files), fixturesOf(files)];
    await first.sharedFixtures!.adopt(ofFirst);
    await second.sharedFixtures!.adopt(ofSecond);
    await createReturn(first);
    await first.sharedFixtures!.add(fixturesOf({ intershop: { shops: [{ name: 'S2' }] } }));
    await first.reset();
    expect(await query(url, 'SELECT position FROM returns_mock.changes')).toHaveLength(1);
    await second.refresh();
    expect(second.count('emporix', 'acme', 'returns')).toBe(0);
    expect(ofSecond.intershop!.shops!.map((shop) => shop.name)).toEqual(['S1', 'S2']);
  });
});
