// An ERP connector for JTL-Cloud returns, tested against returns-mock in process with vitest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from 'returns-mock';

const TENANT = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

/** The client under test: books a customer's return in JTL-Cloud. */
function jtlConnector(baseUrl: string) {
  return async (salesOrderId: number, lineItemId: number, quantity: number) => {
    const answer = await fetch(`${baseUrl}/erp/returns`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-token', 'x-appid': 'ReturnsConnector/1.0.0', 'x-appversion': '1.0.0', 'x-tenant-id': TENANT, 'content-type': 'application/json' },
      body: JSON.stringify({
        CompanyId: 123,
        SalesOrderId: salesOrderId,
        WarehouseId: 123,
        Items: [{ Quantity: quantity, SalesOrderLineItemId: lineItemId, ReturnReasonId: 123 }],
      }),
    });
    return { status: answer.status, body: (await answer.json()) as { Id?: number; Number?: string; Origin?: number } };
  };
}

describe('ERP connector against JTL-Cloud', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ vendors: ['jtl'], port: 0, inMemory: true, seed: 7 });
  });
  afterAll(() => mock.close());

  it('books a return with a server-assigned number, marked as coming from the REST API', async () => {
    const bookReturn = jtlConnector(mock.urlFor('jtl'));
    const booked = await bookReturn(123, 123, 1);
    expect(booked.status).toBe(201);
    expect(booked.body.Number).toMatch(/^A\d+$/);
    expect(booked.body.Origin).toBe(7);
    // The connector's x-appid is its client name in the report.
    const report = mock.report({ client: 'ReturnsConnector/1.0.0', vendor: 'jtl' });
    expect(report.summary.requests).toBe(1);
    expect(report.verdict).toBe('pass');
  });

  it('books a line item that is not on the sales order, and the report names the risk without failing', async () => {
    // JTL's page states no check of line items against the order: the mock serves it and records a risk, not a refusal.
    const booked = await jtlConnector(mock.urlFor('jtl'))(123, 999_999, 1);
    expect(booked.status).toBe(201);
    const entry = mock.journal({ vendor: 'jtl' }).at(-1);
    expect(entry?.violations[0]?.level).toBe('risk');
    expect(entry?.violations[0]?.pointer).toContain('SalesOrderLineItemId');
    expect(mock.report({ client: 'ReturnsConnector/1.0.0' }).verdict).toBe('pass');
    expect(mock.report({ client: 'ReturnsConnector/1.0.0', failOn: 'risk' }).verdict).toBe('fail');
  });
});
