import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCli } from '../helpers/spawn-cli.js';
import { createTestDatabase } from '../helpers/postgres-database.js';
import {
  APPROVAL_TYPE,
  call,
  createIomRequest,
  EMPLOYEE,
  EMPORIX_RETURNS,
  emporixReturn,
  idFrom,
  IOM_AUTH,
  REQUEST_TYPE,
  requestsPath,
  SHOP,
  startReplica,
} from './replica-client.js';

describe('two replicas (two CLI processes) on one PostgreSQL database', () => {
  let replicas: RunningCli[] = [];
  const base = (index: number) => replicas[index % 2]!.url;

  beforeAll(async () => {
    const store = await createTestDatabase();
    replicas = await Promise.all([startReplica(store), startReplica(store)]); // both migrate the empty database at once
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
  });

  it('take 200 concurrent creates spread across both: all acknowledged, distinct ids, every one readable on both, returnables down by exactly 200', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, (_, index) => createIomRequest(base(index))));
    expect(answers.filter((answer) => answer.status !== 201).map((answer) => answer.json)).toEqual([]);
    const ids = answers.map(idFrom);
    expect(new Set(ids).size).toBe(200);
    for (const replica of [0, 1]) {
      const list = await call(base(replica), 'GET', requestsPath(), IOM_AUTH);
      expect(list.json.map((request: { id: number }) => request.id).sort()).toEqual([...ids].sort());
      const returnables = await call(base(replica), 'GET', requestsPath('/returnables'), IOM_AUTH);
      expect(returnables.json.positions.find((entry: { positionNumber: number }) => entry.positionNumber === 1).quantity).toBe(800);
    }
  });

  it('never return more than is returnable: of 80 single-piece creates for 50 pieces across both, exactly 50 are accepted', async () => {
    const answers = await Promise.all(Array.from({ length: 80 }, (_, index) => createIomRequest(base(index), 2)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(50);
    expect(statuses.filter((status) => status === 400)).toHaveLength(30);
  });

  const DECISIONS = [{ status: 'APPROVED' }, { status: 'NOT_APPROVED', comment: 'Rejected on the other replica.' }];
  // A second decision was a 400; IOM's page names no lifecycle, so it is now recorded without effect (a risk, specs/README.md "Calibration").
  it('decide one IOM return request decided on both at once exactly once: both acknowledged, the later decision without effect', async () => {
    for (let round = 0; round < 10; round += 1) {
      const id = idFrom(await createIomRequest(base(round)));
      const approvals = await Promise.all([0, 1].map((replica) => call(base(replica), 'POST', requestsPath(`/${id}/approvals`), IOM_AUTH, DECISIONS[replica], APPROVAL_TYPE)));
      expect(approvals.map((answer) => answer.status)).toEqual([201, 201]);
      const read = await call(base(round + 1), 'GET', requestsPath(`/${id}`), IOM_AUTH);
      expect([
        { status: 'ACCEPTED', businessStatus: 'ACCEPTED' },
        { status: 'REJECTED', businessStatus: 'REJECTED' },
      ]).toContainEqual({ status: read.json.status, businessStatus: read.json.businessStatus });
    }
  });

  it("accept one Emporix PUT of a version sent to both at once; the other gets Emporix's 409", async () => {
    for (let round = 0; round < 10; round += 1) {
      const created = await call(base(round), 'POST', EMPORIX_RETURNS, EMPLOYEE, emporixReturn(`RACE-${round}`));
      expect(created.status).toBe(201);
      const put = (replica: number) =>
        call(base(replica), 'PUT', `${EMPORIX_RETURNS}/${created.json.id}`, EMPLOYEE, {
          ...emporixReturn(`RACE-${round}`),
          metadata: { version: 1 },
          approvalStatus: 'APPROVED',
          reason: { code: '001', details: `from replica ${replica}` },
        });
      const answers = await Promise.all([put(0), put(1)]);
      expect(answers.map((answer) => answer.status).sort(), JSON.stringify(answers.map((answer) => answer.json))).toEqual([204, 409]);
      const read = await call(base(round + 1), 'GET', `${EMPORIX_RETURNS}/${created.json.id}`, EMPLOYEE);
      expect(read.json.metadata.version).toBe(2);
      expect(read.json.reason.details).toBe(`from replica ${answers.findIndex((answer) => answer.status === 204)}`);
    }
  });

  it('share the fixtures: a return reason posted to one replica is listed and accepted by the other', async () => {
    const posted = await call(base(0), 'POST', '/__admin/fixtures', {}, { intershop: { returnReasons: [{ name: 'RET900', description: 'Posted to one replica', type: 'RET' }] } });
    expect(posted.status).toBe(200);
    const reasons = await call(base(1), 'GET', `/intershop/shops/${encodeURIComponent(SHOP)}/return-reasons`, IOM_AUTH);
    expect(reasons.json.map((reason: { name: string }) => reason.name)).toContain('RET900');
    const created = await call(
      base(1),
      'POST',
      requestsPath(),
      IOM_AUTH,
      { type: 'RETURN', positions: [{ positionNumber: 1, productNumber: '20180303500', reason: 'RET900', quantity: 1 }] },
      REQUEST_TYPE,
    );
    expect(created.status).toBe(201);
  });

  it('journal every answer before it is sent: right after 20 answers from one replica, the other counts and reports all of them', async () => {
    expect((await call(base(0), 'DELETE', '/__admin/journal', {})).status).toBe(200);
    let expected = 0;
    for (let round = 0; round < 10; round += 1) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => call(base(round), 'GET', requestsPath(), IOM_AUTH)));
      expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 200));
      expected += 20;
      const counted = await call(base(round + 1), 'POST', '/__admin/requests/count', {}, { vendor: 'intershop', operationId: 'listReturnRequests' });
      expect(counted.json).toEqual({ count: expected, dropped: 0 });
      const report = await call(base(round + 1), 'GET', '/__admin/report', {});
      expect(report.json.results.reduce((sum: number, result: { requests: number }) => sum + result.requests, 0)).toBe(expected);
    }
  });

  it('share the journal: the report and journal of either replica cover the traffic of both; a clear and a reset on one hold for both', async () => {
    expect((await call(base(0), 'DELETE', '/__admin/journal', {})).status).toBe(200);
    for (let index = 0; index < 5; index += 1) expect((await call(base(index % 3 === 0 ? 1 : 0), 'GET', requestsPath(), IOM_AUTH)).status).toBe(200);
    for (const replica of [0, 1]) {
      const journal = await call(base(replica), 'GET', '/__admin/journal', {});
      expect(journal.json.entries).toHaveLength(5);
      const seqs = journal.json.entries.map((entry: { seq: number }) => entry.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      const report = await call(base(replica), 'GET', '/__admin/report', {});
      expect(report.json.results.reduce((sum: number, result: { requests: number }) => sum + result.requests, 0)).toBe(5);
    }
    expect((await call(base(1), 'POST', '/__admin/reset', {})).status).toBe(200);
    expect((await call(base(0), 'GET', requestsPath(), IOM_AUTH)).json).toEqual([]);
    const returnables = await call(base(0), 'GET', requestsPath('/returnables'), IOM_AUTH);
    expect(returnables.json.positions.find((entry: { positionNumber: number }) => entry.positionNumber === 1).quantity).toBe(1000);
  });
});
