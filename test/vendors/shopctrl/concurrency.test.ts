import { describe, expect, it } from 'vitest';
import { createShopCtrlMock, oneRow, SEED_JSON, tempStoreFile } from './shopctrl-client.js';

const PARALLEL = 300;

describe('ShopCtrl under parallel adds', () => {
  it(`${PARALLEL} parallel adds get distinct return and row ids, and the store (also after a restart) holds them all`, async () => {
    const db = await tempStoreFile();
    const shop = await createShopCtrlMock({ db });
    // Two rows each (the seed example) and one row each on a fabricated order, alternating.
    const answers = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => shop.add(i % 2 === 0 ? SEED_JSON : oneRow(7001, 1))));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: PARALLEL }, () => 200));
    const ids = answers.map((a) => a.json.Id as number);
    expect(new Set(ids).size).toBe(PARALLEL);
    const rowIds = answers.flatMap((a) => a.json.OrderReturnRows.map((row: { Id: number }) => row.Id));
    expect(rowIds).toHaveLength(PARALLEL * 1.5);
    expect(new Set(rowIds).size).toBe(rowIds.length);
    const productCodes = new Set(answers.filter((a) => a.json.OrderId === 7001).map((a) => a.json.OrderReturnRows[0].ProductCode));
    expect(productCodes.size).toBe(1);

    await shop.store.close();
    const restarted = await createShopCtrlMock({ db });
    const stored = await restarted.stored();
    expect(stored.map((record) => record.Id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect((await restarted.add(oneRow(5, 1))).json.Id).toBe(PARALLEL + 1);
  });
});
