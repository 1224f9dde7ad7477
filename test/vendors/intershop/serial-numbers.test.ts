import { describe, expect, it } from 'vitest';
import { createIomMock, idFrom, ORDER, position, SHOP } from './iom-client.js';
import { lastJournalEntry } from '../realistic-clients/last-journal-entry.js';

describe('Intershop IOM serial numbers', async () => {
  const iom = await createIomMock();

  // Was a 400: the page gives no uniqueness rule, so a serial number named twice is served and recorded as a risk.
  it('serves a serial number named twice in one request as a duplicate risk, not as one held by another request', async () => {
    const served = await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [position(1, '20180303123', 2, ['W88401232AX', 'W88401232AX'])] });
    expect(served.status).toBe(201);
    expect((await lastJournalEntry(iom.send)).violations).toEqual([
      expect.objectContaining({ code: 'state.serial-number.duplicate', level: 'risk', source: 'mock', pointer: '/positions/0/items/1/productSerialNumber', value: 'W88401232AX' }),
    ]);
    expect((await iom.approve(SHOP, ORDER, idFrom(served), { status: 'NOT_APPROVED', comment: 'Duplicate.' })).status).toBe(201);
  });

  it('lists no more serial numbers than the returnable quantity, so a request built from returnables is served without a finding', async () => {
    // A return without serial numbers holds a piece of position 1 (3 pieces, 3 serial numbers): 2 pieces are left, 3 serial numbers free.
    expect((await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [position(1, '20180303123', 1)] })).status).toBe(201);
    const listed = (await iom.returnables(SHOP, ORDER)).find((entry) => entry.positionNumber === 1)!;
    expect(listed.quantity).toBe(2);
    expect(listed.items!.map((item) => item.productSerialNumber)).toEqual(['W88401231AX', 'W88401232AX']);
    const fromList = await iom.create(SHOP, ORDER, {
      type: 'RETURN',
      positions: [
        position(
          1,
          listed.product.number,
          listed.quantity,
          listed.items!.map((item) => item.productSerialNumber),
        ),
      ],
    });
    expect(fromList.status).toBe(201);
    expect((await lastJournalEntry(iom.send)).violations).toEqual([]);
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
