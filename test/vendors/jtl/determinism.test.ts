import { describe, expect, it } from 'vitest';
import { createJtlMock, jtlHeaders, oneItem, SEED_REQUEST, TENANT_B } from './jtl-client.js';

/** One client session, fabricated references, risks and a refusal included; every answer as status, content type and text. */
async function session(seed: number): Promise<string[]> {
  const jtl = await createJtlMock({ seed });
  const requests: Array<[object, Record<string, string>?]> = [
    [SEED_REQUEST],
    [oneItem(555_001, 4, 2, { CompanyId: 5001, WarehouseId: 5002 })],
    [oneItem(555_001, 4, 1)],
    [oneItem(555_001, 4, 1), jtlHeaders(TENANT_B)],
    [oneItem(555_001, 9, 1)],
    [oneItem(123, 124, 9)],
    [{ ...oneItem(123, 123), Items: [{ Quantity: 'two', SalesOrderLineItemId: 123 }] }],
    [{ ...SEED_REQUEST, ReturnDate: undefined }],
  ];
  const answers: string[] = [];
  for (const [body, headers] of requests) {
    const answer = await jtl.create(body, headers);
    answers.push(`${answer.status} ${answer.headers.get('content-type')}\n${answer.text}`);
  }
  return answers;
}

describe('JTL is reproducible', () => {
  it('gives byte-identical answers to the same requests with the same seed and clock, fabricated references included', async () => {
    const [first, second] = [await session(11), await session(11)];
    expect(first).toHaveLength(8);
    expect(first[1]).toMatch(/^201 .*"CustomerId":\d+/s);
    expect(first[4]).toMatch(/^201 /);
    expect(first[6]).toMatch(/^400 /);
    expect(second).toEqual(first);
  });

  it('fabricates other customers with another seed', async () => {
    const [eleven, twelve] = [await session(11), await session(12)];
    expect(twelve[1]).not.toEqual(eleven[1]);
    expect(twelve[0]).toEqual(eleven[0]); // fixtures do not depend on the seed
  });
});
