import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FixtureError, loadFixtures } from '../../src/store/index.js';

async function fixtureDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'returns-mock-fixtures-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

describe('loadFixtures', () => {
  it('reads YAML and JSON per vendor and concatenates a collection across files', async () => {
    const dir = await fixtureDir({
      'intershop/shops.yaml': 'shops:\n  - name: Test Shop US DE\n',
      'intershop/more.json': '{"shops":[{"name":"Second"}],"orders":[{"shopOrderNumber":"1"}]}',
      'jtl/companies.yml': 'companies: [{ Id: 123 }]',
    });
    expect(await loadFixtures(dir)).toEqual({
      intershop: { shops: [{ name: 'Second' }, { name: 'Test Shop US DE' }], orders: [{ shopOrderNumber: '1' }] },
      jtl: { companies: [{ Id: 123 }] },
    });
  });

  it('names the file and the problem for a bad fixture', async () => {
    const notList = await fixtureDir({ 'emporix/orders.yaml': 'orders: {id: 1}' });
    await expect(loadFixtures(notList)).rejects.toThrow(FixtureError);
    await expect(loadFixtures(notList)).rejects.toThrow(/emporix\/orders\.yaml: 'orders' must be a list of records/);
    const broken = await fixtureDir({ 'emporix/orders.yaml': 'orders: [' });
    await expect(loadFixtures(broken)).rejects.toThrow(/orders\.yaml: not valid YAML or JSON/);
  });

  it('treats a missing directory as no fixtures', async () => {
    expect(await loadFixtures('/nonexistent/fixtures')).toEqual({});
  });
});
