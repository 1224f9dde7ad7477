import { describe, expect, it } from 'vitest';
import { createIomMock, idFrom, position, requestsPath, SHOP } from './iom-client.js';

/** One client session, including a fabricated shop and order; every answer as status, headers and text. */
async function session(seed: number): Promise<string[]> {
  const iom = await createIomMock({ seed });
  const answers: string[] = [];
  const record = (response: Awaited<ReturnType<typeof iom.get>>) => {
    answers.push(`${response.status} ${response.headers.get('location') ?? ''} ${response.headers.get('content-type')}\n${response.text}`);
    return response;
  };
  record(await iom.get(requestsPath('Seeded Shop', 'ORD-77', '/returnables')));
  const created = record(await iom.create('Seeded Shop', 'ORD-99', { type: 'PICKUP', positions: [position(1, 'P-1', 2, ['SN-1'])], customAttributes: [{ key: 'k', value: 'v' }] }));
  const id = idFrom(created);
  record(await iom.get(requestsPath('Seeded Shop', 'ORD-99', `/${id}`)));
  record(await iom.get(requestsPath('Seeded Shop', 'ORD-99', `/${id}/positions`)));
  record(await iom.get(requestsPath('Seeded Shop', 'ORD-99', '/returnables')));
  record(await iom.approve('Seeded Shop', 'ORD-99', id, { status: 'APPROVED' }));
  record(await iom.get(requestsPath('Seeded Shop', 'ORD-99')));
  record(await iom.create(SHOP, '20180303123', { type: 'RETURN', positions: [position(1, '20180303123', 1, ['W88401231AX'])] }));
  record(await iom.create(SHOP, '20180303123', { type: 'RETURN', positions: [position(1, '20180303123', 9)] }));
  return answers;
}

describe('Intershop IOM is reproducible', () => {
  it('gives byte-identical answers to the same requests with the same seed and clock, fabricated orders included', async () => {
    const [first, second] = [await session(9), await session(9)];
    expect(first).toHaveLength(9);
    expect(first[0]).toMatch(/^200 .*"positions":\[\{"positionNumber":1/s);
    expect(second).toEqual(first);
  });

  it('fabricates other orders with another seed', async () => {
    const [nine, ten] = [await session(9), await session(10)];
    expect(ten[0]).not.toEqual(nine[0]);
    expect(ten[2]).not.toEqual(nine[2]); // the fabricated supplier on the read-back request
  });
});
