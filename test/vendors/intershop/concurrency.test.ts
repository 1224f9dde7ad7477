import { describe, expect, it } from 'vitest';
import { createIomMock, idFrom, position, requestsPath, SHOP } from './iom-client.js';

/** The bundled bulk order: position 1 holds 1000 pieces, position 2 holds 50. */
const BULK = '20180303500';

describe('Intershop IOM under parallel creates on one order', () => {
  it('200 parallel creates all succeed with distinct ids, all readable, and the returnable quantity drops by exactly 200', async () => {
    const iom = await createIomMock();
    const before = (await iom.returnables(SHOP, BULK)).find((entry) => entry.positionNumber === 1)!.quantity;
    expect(before).toBe(1000);
    const answers = await Promise.all(Array.from({ length: 200 }, () => iom.create(SHOP, BULK, { type: 'RETURN', positions: [position(1, '20180303500', 1)] })));
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 200 }, () => 201));
    const ids = answers.map(idFrom);
    expect(new Set(ids).size).toBe(200);
    const reads = await Promise.all(ids.map((id) => iom.get(requestsPath(SHOP, BULK, `/${id}`))));
    expect(reads.map((read) => read.json.id)).toEqual(ids);
    expect((await iom.get(requestsPath(SHOP, BULK))).json).toHaveLength(200);
    expect((await iom.returnables(SHOP, BULK)).find((entry) => entry.positionNumber === 1)!.quantity).toBe(800);
  });

  it('parallel creates that together ask for more than is returnable: exactly the fitting number succeed', async () => {
    const iom = await createIomMock();
    const answers = await Promise.all(Array.from({ length: 80 }, () => iom.create(SHOP, BULK, { type: 'RETURN', positions: [position(2, '20180303124', 1)] })));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(50);
    expect(statuses.filter((status) => status === 400)).toHaveLength(30);
    expect((await iom.get(requestsPath(SHOP, BULK))).json).toHaveLength(50);
    expect((await iom.returnables(SHOP, BULK)).map((entry) => entry.positionNumber)).toEqual([1]);
  });
});
