import { afterEach, describe, expect, it } from 'vitest';
import { createStore, mergeFixtureDocument, type Fixtures, type Store } from '../../../src/store/index.js';
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

/** Fixtures as `loadFixtures` makes them from files holding `document`. */
const fixturesOf = (document: Record<string, unknown>): Fixtures => {
  const fixtures: Fixtures = Object.create(null) as Fixtures;
  for (const [vendor, collections] of Object.entries(document)) mergeFixtureDocument(fixtures, vendor, collections, 'test');
  return fixtures;
};
const plain = (fixtures: Fixtures): unknown => JSON.parse(JSON.stringify(fixtures));
const FILES = { intershop: { shops: [{ name: 'S1' }], orders: [{ shopOrderNumber: '1' }] } };

describe('fixtures shared in PostgreSQL', () => {
  it("are loaded by the first store; one started with the same files takes the database's, with what was added since, and follows later additions", async () => {
    const url = await createTestDatabase();
    const first = await open(url);
    const ofFirst = fixturesOf(FILES);
    await first.sharedFixtures!.adopt(ofFirst);
    await first.sharedFixtures!.add(fixturesOf({ intershop: { shops: [{ name: 'S2' }] } }));
    expect(plain(ofFirst)).toEqual({ intershop: { shops: [{ name: 'S1' }, { name: 'S2' }], orders: [{ shopOrderNumber: '1' }] } });

    const second = await open(url);
    const ofSecond = fixturesOf(FILES);
    await second.sharedFixtures!.adopt(ofSecond);
    expect(plain(ofSecond)).toEqual(plain(ofFirst));

    await second.sharedFixtures!.add(fixturesOf({ intershop: { shops: [{ name: 'S3' }] }, emporix: { tenants: [{ id: 'acme' }] } }));
    await first.refresh();
    expect(plain(ofFirst)).toEqual({
      intershop: { shops: [{ name: 'S1' }, { name: 'S2' }, { name: 'S3' }], orders: [{ shopOrderNumber: '1' }] },
      emporix: { tenants: [{ id: 'acme' }] },
    });
    expect(plain(ofSecond)).toEqual(plain(ofFirst));
    expect(Object.isFrozen(ofFirst.intershop!.shops![2])).toBe(true);
  });

  it('are replaced for every store by a store started with other files', async () => {
    const url = await createTestDatabase();
    const first = await open(url);
    const ofFirst = fixturesOf(FILES);
    await first.sharedFixtures!.adopt(ofFirst);
    await first.sharedFixtures!.add(fixturesOf({ emporix: { tenants: [{ id: 'acme' }] } }));

    const other = { intershop: { shops: [{ name: 'Other' }] } };
    const second = await open(url);
    const ofSecond = fixturesOf(other);
    await second.sharedFixtures!.adopt(ofSecond);
    expect(plain(ofSecond)).toEqual(other);
    await first.refresh();
    expect(plain(ofFirst)).toEqual(other);
    // A restart with the files now in the database keeps them; one with the first files replaces them again.
    const third = await open(url);
    const ofThird = fixturesOf(FILES);
    await third.sharedFixtures!.adopt(ofThird);
    await first.refresh();
    expect(plain(ofFirst)).toEqual(FILES);
  });
});
