import { describe, expect, it } from 'vitest';
import { createJtlMock, oneItem, tempStoreFile, TENANT_A } from './jtl-client.js';

const PARALLEL = 300;

describe('JTL under parallel creates', () => {
  it(`${PARALLEL} parallel creates get distinct Ids and Numbers, and the stored state (also after a restart) holds them all`, async () => {
    const db = await tempStoreFile();
    const jtl = await createJtlMock({ db });
    // Half on a fixture order, half on one fabricated order: its first fabrication must happen exactly once.
    const answers = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => jtl.create(i % 2 === 0 ? oneItem(123, 123) : oneItem(888_001, 1))));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: PARALLEL }, () => 201));
    const ids = answers.map((a) => a.json.Id as number);
    expect(new Set(ids).size).toBe(PARALLEL);
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: PARALLEL }, (_, i) => i + 1));
    expect(new Set(answers.map((a) => a.json.Number)).size).toBe(PARALLEL);
    const fabricatedCustomers = new Set(answers.filter((a) => a.json.SalesOrderId === 888_001).map((a) => a.json.CustomerId));
    expect(fabricatedCustomers.size).toBe(1);

    const partition = (await jtl.send('GET', '/__admin/state')).json.vendors.jtl[TENANT_A];
    expect(partition.collections.returns).toHaveLength(PARALLEL);
    expect(partition.sequences.returns).toBe(PARALLEL);
    await jtl.store.close();
    const restarted = await createJtlMock({ db });
    const storedIds = (await restarted.send('GET', '/__admin/state')).json.vendors.jtl[TENANT_A].collections.returns.map(([, record]: [string, { Id: number }]) => record.Id);
    expect(storedIds.sort((a: number, b: number) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect((await restarted.create(oneItem(123, 123))).json.Id).toBe(PARALLEL + 1);
  });
});
