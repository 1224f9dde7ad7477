// A warehouse integration for ShopCtrl returns, tested against returns-mock in process with vitest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from 'returns-mock';

/** The client under test: registers a returned order row in ShopCtrl, in XML as the warehouse system speaks it. */
function warehouse(baseUrl: string) {
  return async (orderId: number, orderRowId: number, quantity: number) => {
    const xml = `<OrderReturnChanges><Id>0</Id><OrderId>${orderId}</OrderId><ReturnCode>R-${orderId}</ReturnCode><OrderReturnRows><OrderReturnRow><OrderRowId>${orderRowId}</OrderRowId><ReturnedQuantity>${quantity}</ReturnedQuantity><Resolution>0</Resolution></OrderReturnRow></OrderReturnRows></OrderReturnChanges>`;
    const answer = await fetch(`${baseUrl}/v1/Returns`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', accept: 'application/json', 'x-mock-client': 'wms' },
      body: xml,
    });
    return { status: answer.status, body: (await answer.json()) as { Id: number; OrderReturnRows: Array<{ Id: number; OrderRowId: number }> } };
  };
}

describe('warehouse integration against ShopCtrl', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ vendors: ['shopctrl'], port: 0, inMemory: true, seed: 7 });
  });
  afterAll(() => mock.close());

  it('registers a return from XML and gets ids for the return and its rows', async () => {
    const registered = await warehouse(mock.urlFor('shopctrl'))(5, 2, 1);
    expect(registered.status).toBe(200);
    expect(registered.body.Id).toBeGreaterThan(0);
    expect(registered.body.OrderReturnRows[0]).toMatchObject({ OrderRowId: 2 });
    expect(registered.body.OrderReturnRows[0]!.Id).toBeGreaterThan(0);
    const report = mock.report({ client: 'wms', vendor: 'shopctrl' });
    expect(report.summary.requests).toBe(1);
    expect(report.verdict).toBe('pass');
  });
});
