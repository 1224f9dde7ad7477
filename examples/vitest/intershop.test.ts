// A shop's return client for Intershop IOM, tested against returns-mock in process with vitest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from 'returns-mock';

const SHOP = encodeURIComponent('Test Shop US DE');
const ORDER = '20180303123';

/** The client under test: returns pieces of an IOM order and approves the request. */
function iomClient(baseUrl: string) {
  const auth = { authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}`, 'x-mock-client': 'shop-returns' };
  const requests = `${baseUrl}/shops/${SHOP}/orders/${ORDER}/return-requests`;
  return {
    async returnable(positionNumber: number): Promise<number> {
      const { positions } = (await (await fetch(`${requests}/returnables`, { headers: auth })).json()) as { positions: Array<{ positionNumber: number; quantity: number }> };
      return positions.find((position) => position.positionNumber === positionNumber)?.quantity ?? 0;
    },
    async requestReturn(positionNumber: number, productNumber: string, quantity: number): Promise<string> {
      const answer = await fetch(requests, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/vnd.intershop.return-request.v1+json' },
        body: JSON.stringify({ type: 'RETURN', positions: [{ positionNumber, productNumber, reason: 'RET100', quantity }] }),
      });
      if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${await answer.text()}`);
      return answer.headers.get('location')!;
    },
    async approve(location: string) {
      return fetch(`${location}/approvals`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/vnd.intershop.approval.v1+json' },
        body: JSON.stringify({ status: 'APPROVED' }),
      });
    },
    async read(location: string) {
      return (await fetch(location, { headers: auth })).json() as Promise<{ status: string; businessStatus: string }>;
    },
  };
}

describe('shop return client against Intershop IOM', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ vendors: ['intershop'], port: 0, inMemory: true, seed: 7 });
  });
  afterAll(() => mock.close());

  it('returns a piece, sees the returnable quantity drop, and approves the request', async () => {
    const iom = iomClient(mock.urlFor('intershop'));
    const before = await iom.returnable(2);
    const location = await iom.requestReturn(2, '20180303124', 1);
    expect(await iom.returnable(2)).toBe(before - 1);
    expect((await iom.approve(location)).status).toBe(201);
    expect(await iom.read(location)).toMatchObject({ status: 'ACCEPTED', businessStatus: 'ACCEPTED' });
    const report = mock.report({ client: 'shop-returns', vendor: 'intershop' });
    expect(report.verdict).toBe('pass');
    expect(report.results[0]!.coverage.exercised).toBe(4);
  });
});
