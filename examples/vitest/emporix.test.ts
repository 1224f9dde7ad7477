// A return-portal client for Emporix, tested against returns-mock in process with vitest.
// Copy this file into your project: `npm i -D returns-mock`, then swap `portal` for your own client.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from 'returns-mock';

/** The client under test: what a shop's return portal sends to Emporix. */
function emporixPortal(baseUrl: string, tenant: string, token: string) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-mock-client': 'return-portal' };
  const api = `${baseUrl}/return/${tenant}/returns`;
  return {
    /** An employee opens a return on behalf of a registered customer: Emporix requires `requestor` and `submitter`. */
    async open(customerId: string, orderId: string, itemId: string, quantity: number): Promise<string> {
      const body = {
        orders: [{ id: orderId, items: [{ id: itemId, quantity }] }],
        reason: { code: '001' },
        requestor: { customerId },
        submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
      };
      const answer = await fetch(api, { method: 'POST', headers, body: JSON.stringify(body) });
      if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${await answer.text()}`);
      return ((await answer.json()) as { id: string }).id;
    },
    async read(id: string) {
      return (await fetch(`${api}/${id}`, { headers })).json() as Promise<{ id: string; approvalStatus: string; metadata: { version: number } }>;
    },
    async pending() {
      const answer = await fetch(`${api}?q=${encodeURIComponent('approvalStatus:PENDING')}&pageSize=10&sort=createdAt:desc`, { headers });
      return { total: Number(answer.headers.get('x-total-count')), returns: (await answer.json()) as Array<{ id: string }> };
    },
    async approve(id: string) {
      const answer = await fetch(`${api}/${id}`, { method: 'PATCH', headers, body: JSON.stringify([{ op: 'replace', path: '/approvalStatus', value: 'APPROVED' }]) });
      return answer.status;
    },
  };
}

describe('return portal against Emporix', () => {
  let mock: RunningMock;
  beforeEach(async () => {
    mock ??= await startMock({ vendors: ['emporix'], port: 0, inMemory: true, seed: 7 });
    await mock.reset();
  });
  afterAll(() => mock?.close());

  it('opens a return, lists it as pending, approves it, and keeps the contract', async () => {
    const portal = emporixPortal(mock.urlFor('emporix'), 'acme', 'employee-token');
    const id = await portal.open('C-1', 'O-1', '1', 1);
    expect((await portal.pending()).returns.map((r) => r.id)).toContain(id);
    expect(await portal.approve(id)).toBe(204);
    const approved = await portal.read(id);
    expect(approved.approvalStatus).toBe('APPROVED');
    expect(approved.metadata.version).toBe(2);
    expect((await portal.pending()).total).toBe(0);

    const report = mock.report({ client: 'return-portal', vendor: 'emporix' });
    expect(report.verdict).toBe('pass');
    expect(
      report.results[0]!.operations.filter((op) => op.exercised)
        .map((op) => op.operationId)
        .sort(),
    ).toEqual(['createReturn', 'getReturn', 'listReturns', 'patchReturn']);
  });

  it('shows in the report exactly where a client breaks the contract', async () => {
    const answer = await fetch(`${mock.urlFor('emporix')}/return/acme/returns?pageSize=500`, {
      headers: { authorization: 'Bearer employee-token', 'x-mock-client': 'return-portal' },
    });
    expect(answer.status).toBe(400);
    const report = mock.report({ client: 'return-portal' });
    expect(report.verdict).toBe('fail');
    expect(report.results[0]!.violations.map((v) => [v.operationId, v.location, v.pointer])).toEqual([['listReturns', 'query', '/pageSize']]);
    expect(mock.report({ client: 'return-portal', format: 'md' })).toContain('pageSize');
  });
});
