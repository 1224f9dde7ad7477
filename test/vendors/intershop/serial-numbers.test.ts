import { describe, expect, it } from 'vitest';
import { createIomMock, idFrom, ORDER, position, SHOP } from './iom-client.js';

describe('Intershop IOM serial numbers', async () => {
  const iom = await createIomMock();

  it('refuses a serial number named twice in one request as a duplicate, not as one held by another request', async () => {
    const refused = await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [position(1, '20180303123', 2, ['W88401232AX', 'W88401232AX'])] });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual([
      { code: 'VALIDATION_EXCEPTION', message: "'/positions/0/items/1/productSerialNumber': serial number 'W88401232AX' is named more than once in this return request", value: 'W88401232AX' },
    ]);
    // Nothing holds it: alone, the same serial number is returnable.
    expect((await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [position(1, '20180303123', 1, ['W88401232AX'])] })).status).toBe(201);
  });

  it('fabricates an order for a large quantity with serial numbers from the request only, not one per piece', async () => {
    // One serial number per piece made this order 100,000 serial numbers long (and a 2^31-piece one never finished).
    const created = await iom.create('Fabricated Shop', 'BULK-SERIALS', { type: 'RETURN', positions: [position(1, 'P-1', 100_000, ['S-1'])] });
    expect(created.status).toBe(201);
    // Rejected, the request gives everything back: returnables then show the whole fabricated position.
    expect((await iom.approve('Fabricated Shop', 'BULK-SERIALS', idFrom(created), { status: 'NOT_APPROVED', comment: 'Load test.' })).status).toBe(201);
    const [whole] = await iom.returnables('Fabricated Shop', 'BULK-SERIALS');
    const extraPieces = whole!.quantity - 100_000;
    expect(extraPieces).toBeGreaterThanOrEqual(0);
    expect(extraPieces).toBeLessThanOrEqual(3);
    expect(whole!.items!.map((item) => item.productSerialNumber)).toHaveLength(1 + extraPieces);
    expect(whole!.items![0]!.productSerialNumber).toBe('S-1');
  });
});
