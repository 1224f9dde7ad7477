import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIomMock, idFrom, position, requestsPath } from './iom-client.js';

/** Fixtures as a user writes them: order, product and serial numbers unquoted, so YAML reads them as numbers. */
const FIXTURES = `
shops:
  - { name: Numbers Shop }
orders:
  - shopName: Numbers Shop
    shopOrderNumber: 4711
    positions:
      - { positionNumber: 1, productNumber: 4711, quantity: 2, serialNumbers: [1001, 1002] }
products:
  - { number: 4711, name: Numeric product }
returnReasons:
  - { name: RET100, type: RET }
`;

describe('Intershop IOM fixtures with unquoted numbers', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'returns-mock-iom-fixtures-'));
  await mkdir(path.join(dir, 'intershop'));
  await writeFile(path.join(dir, 'intershop', 'orders.yaml'), FIXTURES);
  const iom = await createIomMock({ fixtures: dir, strictFixtures: true });

  it("takes a create naming the product number as the string a client sends (it was refused: \"holds product '4711', not '4711'\")", async () => {
    const created = await iom.create('Numbers Shop', '4711', { type: 'RETURN', positions: [position(1, '4711', 1, ['1001'])] });
    expect(created.status).toBe(201);
    const positions = await iom.get(requestsPath('Numbers Shop', '4711', `/${idFrom(created)}/positions`));
    expect(positions.json).toEqual([{ positionNumber: 1, productNumber: '4711', reason: 'RET100', quantity: 1, id: 10000, productName: 'Numeric product' }]);
    expect(await iom.returnables('Numbers Shop', '4711')).toEqual([
      { positionNumber: 1, quantity: 1, items: [{ productSerialNumber: '1002' }], product: { number: '4711', name: 'Numeric product' } },
    ]);
  });
});
