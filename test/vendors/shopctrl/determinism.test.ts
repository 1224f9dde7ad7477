import { describe, expect, it } from 'vitest';
import { createShopCtrlMock, oneRow, SEED_JSON, SEED_XML, SEED_XML_AS_PRINTED, type Format } from './shopctrl-client.js';

/** One client session in both formats, fabricated orders and statuses, risks and a refusal included; every answer as status, content type and text. */
async function session(seed: number): Promise<string[]> {
  const shop = await createShopCtrlMock({ seed });
  const requests: Array<[object | string, Format, Format]> = [
    [SEED_JSON, 'json', 'json'],
    [SEED_XML, 'xml', 'xml'],
    [oneRow(6100, 3, 2, { WarehouseId: 6200 }), 'json', 'xml'],
    [oneRow(6100, 3, 1), 'json', 'json'],
    [oneRow(6100, 4, 1), 'json', 'json'],
    [{ ...oneRow(6100, 3, 1), MainStatusId: 77, CustomStatusId: 78 }, 'json', 'json'],
    [SEED_XML_AS_PRINTED, 'xml', 'xml'],
  ];
  const answers: string[] = [];
  for (const [body, send, accept] of requests) {
    const answer = await shop.add(body, send, accept);
    answers.push(`${answer.status} ${answer.headers.get('content-type')}\n${answer.text}`);
  }
  return answers;
}

describe('ShopCtrl is reproducible', () => {
  it('gives byte-identical answers to the same requests with the same seed and clock, fabricated orders included', async () => {
    const [first, second] = [await session(21), await session(21)];
    expect(first).toHaveLength(7);
    expect(first[2]).toMatch(/^200 application\/xml.*<ProductName>[^<]+<\/ProductName>/s);
    expect(first[4]).toMatch(/^200 /);
    expect(first[5]).toMatch(/^200 .*"MainStatus":\{"Id":77,"BaseStatusId":77,"StatusTypeId":1,"Name":"[^"]+"\}/s);
    expect(first[6]).toMatch(/^400 /);
    expect(second).toEqual(first);
  });

  it('fabricates other products with another seed', async () => {
    const [one, other] = [await session(21), await session(22)];
    expect(other[2]).not.toEqual(one[2]);
    expect(other[5]).not.toEqual(one[5]);
    expect(other[0]).toEqual(one[0]);
  });
});
