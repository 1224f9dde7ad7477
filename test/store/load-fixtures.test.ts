import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FixtureError, loadFixtures, mergeFixtureDocument, type Fixtures } from '../../src/store/index.js';
import { createTempDir } from './temp-dir.js';

async function fixtureDir(files: Record<string, string>): Promise<string> {
  const dir = await createTempDir('returns-mock-fixtures-');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const fixtureError = async (dir: string): Promise<FixtureError> => {
  const error: unknown = await loadFixtures(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FixtureError);
  return error as FixtureError;
};

describe('loadFixtures', () => {
  it('reads YAML and JSON per vendor, in file-name order, concatenating a collection across files', async () => {
    const dir = await fixtureDir({
      'intershop/shops.yaml': 'shops:\n  - shopName: Test Shop US DE\n',
      'intershop/more.json': '{"shops":[{"shopName":"Second"}],"orders":[{"shopOrderNumber":"1"}]}',
      'jtl/companies.yml': 'companies: [{ Id: 123 }]',
      'jtl/warehouses.yaml': '- { id: 1, name: Main }\n- { id: 2, name: Returns }\n',
      'shopctrl/statuses.JSON': '[{"id":"OPEN"}]',
      'shopctrl/README.md': 'not a fixture',
      'shopctrl/.hidden.yaml': 'not: [valid',
      'top-level.yaml': 'ignored: []',
    });
    expect(await loadFixtures(dir)).toEqual({
      intershop: { shops: [{ shopName: 'Second' }, { shopName: 'Test Shop US DE' }], orders: [{ shopOrderNumber: '1' }] },
      jtl: {
        companies: [{ Id: 123 }],
        warehouses: [
          { id: 1, name: 'Main' },
          { id: 2, name: 'Returns' },
        ],
      },
      shopctrl: { statuses: [{ id: 'OPEN' }] },
    });
  });

  it('hands out read-only reference data', async () => {
    const fixtures = await loadFixtures(await fixtureDir({ 'emporix/orders.yaml': 'orders:\n  - id: o1\n    entries: [{ qty: 1 }]\n' }));
    const orders = fixtures.emporix!.orders!;
    expect(Object.isFrozen(orders)).toBe(true);
    expect(() => ((orders[0] as { id: string }).id = 'changed')).toThrow(TypeError);
    expect(() => (orders[0]!.entries as Array<{ qty: number }>)[0]!.qty++).toThrow(TypeError);
  });

  it('treats a missing directory as no fixtures', async () => {
    expect(await loadFixtures(path.join(await createTempDir(), 'nothing-here'))).toEqual({});
  });

  it.each([
    ['broken YAML', { 'emporix/orders.yaml': 'orders: [' }, /^not valid YAML: /],
    ['broken JSON', { 'emporix/orders.json': '{"orders": [}' }, /^not valid JSON: /],
    ['an empty file', { 'emporix/orders.yaml': '' }, /empty/],
    ['a scalar document', { 'emporix/orders.yaml': '42' }, /map from collection name to a list of records/],
    ['a collection that is not a list', { 'emporix/orders.yaml': 'orders: {id: 1}' }, /'orders' must be a list of records, not object/],
    ['a record that is not an object', { 'emporix/orders.yaml': 'orders: [1, {id: 2}]' }, /'orders' item 0 must be a record \(an object\), not number/],
    ['several YAML documents', { 'emporix/orders.yaml': 'orders: []\n---\norders: []\n' }, /not valid YAML/],
    ['duplicate YAML keys', { 'emporix/orders.yaml': 'orders: []\norders: []\n' }, /not valid YAML/],
  ])('names the file and the problem for %s', async (_, files, problem) => {
    const dir = await fixtureDir(files);
    const error = await fixtureError(dir);
    expect(error.source).toBe(path.join(dir, Object.keys(files)[0]!));
    expect(error.message).toContain(error.source);
    expect(error.problem).toMatch(problem);
  });

  it('follows symbolic links, and names a fixture file it cannot read', async () => {
    const dir = await fixtureDir({ 'shared/warehouses.yaml': '- { id: 1 }' });
    await mkdir(path.join(dir, 'jtl'));
    await symlink(path.join(dir, 'shared', 'warehouses.yaml'), path.join(dir, 'jtl', 'warehouses.yaml'));
    await symlink(path.join(dir, 'shared'), path.join(dir, 'shopctrl'));
    expect(await loadFixtures(dir)).toMatchObject({ jtl: { warehouses: [{ id: 1 }] }, shopctrl: { warehouses: [{ id: 1 }] } });
    await symlink(path.join(dir, 'gone.yaml'), path.join(dir, 'jtl', 'orders.yaml'));
    const error = await fixtureError(dir);
    expect(error.source).toBe(path.join(dir, 'jtl', 'orders.yaml'));
    expect(error.problem).toMatch(/^cannot read the file \(ENOENT/);
  });

  it.skipIf(process.getuid?.() === 0)('names a vendor folder it cannot read', async () => {
    const dir = await fixtureDir({ 'jtl/companies.yaml': 'companies: []' });
    await chmod(path.join(dir, 'jtl'), 0o000);
    try {
      expect((await fixtureError(dir)).source).toBe(path.join(dir, 'jtl'));
    } finally {
      await chmod(path.join(dir, 'jtl'), 0o755);
    }
  });
});

describe('mergeFixtureDocument', () => {
  it('adds fixture data at run time: lists of the same collection grow, readers see the new list', async () => {
    const fixtures = await loadFixtures(await fixtureDir({ 'intershop/shops.yaml': 'shops: [{ shopName: A }]' }));
    const before = fixtures.intershop!.shops!;
    mergeFixtureDocument(fixtures, 'intershop', { shops: [{ shopName: 'B' }], orders: [{ shopOrderNumber: '7' }] }, 'POST /__admin/fixtures intershop');
    mergeFixtureDocument(fixtures, 'jtl', { companies: [{ Id: 1 }] }, 'POST /__admin/fixtures jtl');
    expect(fixtures).toEqual({ intershop: { shops: [{ shopName: 'A' }, { shopName: 'B' }], orders: [{ shopOrderNumber: '7' }] }, jtl: { companies: [{ Id: 1 }] } });
    expect(before).toEqual([{ shopName: 'A' }]); // a list handed out earlier never changes under its reader
    expect(Object.isFrozen(fixtures.intershop!.shops)).toBe(true);
  });

  it('is all or nothing, and keeps no reference to the caller’s objects', () => {
    const fixtures: Fixtures = {};
    const posted = { shops: [{ shopName: 'A', at: new Date('2026-01-01T00:00:00.000Z') }], orders: ['not a record'] };
    expect(() => mergeFixtureDocument(fixtures, 'intershop', posted, 'POST /__admin/fixtures')).toThrow(/^fixture POST \/__admin\/fixtures: 'orders' item 0/);
    expect(fixtures).toEqual({});
    const shops = { shops: [{ shopName: 'A', at: new Date('2026-01-01T00:00:00.000Z') }] };
    mergeFixtureDocument(fixtures, 'intershop', shops, 'POST /__admin/fixtures');
    shops.shops[0]!.shopName = 'changed';
    expect(fixtures.intershop!.shops).toEqual([{ shopName: 'A', at: '2026-01-01T00:00:00.000Z' }]);
    expect(Object.isFrozen(shops.shops[0])).toBe(false);
  });
});
