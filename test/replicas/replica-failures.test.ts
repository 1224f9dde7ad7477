import { afterAll, describe, expect, it } from 'vitest';
import { createMock, type Mock } from '../../src/index.js';
import { runCli, type RunningCli } from '../helpers/spawn-cli.js';
import { createTestDatabase } from '../helpers/postgres-database.js';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';
import { call, createIomRequest, EMPLOYEE, EMPORIX_RETURNS, emporixReturn, idFrom, IOM_AUTH, requestsPath, startReplica } from './replica-client.js';

const running: RunningCli[] = [];
afterAll(async () => {
  await Promise.all(running.map((replica) => replica.stop('SIGKILL')));
});

describe('replicas on PostgreSQL when something fails', () => {
  it('lose no acknowledged write when one replica is killed (SIGKILL) in the middle of 200 creates', async () => {
    const store = await createTestDatabase();
    const [doomed, survivor] = await Promise.all([startReplica(store), startReplica(store)]);
    running.push(doomed, survivor);
    let acknowledgedByDoomed = 0;
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const replica = index % 2 === 0 ? doomed : survivor;
        try {
          const answer = await createIomRequest(replica.url);
          if (replica === doomed && answer.status === 201 && ++acknowledgedByDoomed === 30) doomed.child.kill('SIGKILL');
          return answer.status === 201 ? idFrom(answer) : undefined;
        } catch {
          return undefined; // the connection died with the process: never acknowledged
        }
      }),
    );
    const acknowledged = answers.filter((id): id is number => id !== undefined);
    expect(acknowledgedByDoomed).toBeGreaterThanOrEqual(30);
    expect(acknowledged.length).toBeGreaterThanOrEqual(130);
    const late = await startReplica(store);
    running.push(late);
    for (const replica of [survivor, late]) {
      const stored = (await call(replica.url, 'GET', requestsPath(), IOM_AUTH)).json.map((request: { id: number }) => request.id);
      expect(stored).toEqual(expect.arrayContaining(acknowledged));
      // Whatever committed (even unacknowledged) is whole: each request's pieces are held exactly once.
      const returnables = (await call(replica.url, 'GET', requestsPath('/returnables'), IOM_AUTH)).json.positions;
      expect(returnables.find((entry: { positionNumber: number }) => entry.positionNumber === 1).quantity).toBe(1000 - stored.length);
    }
  }, 60_000);

  it('refuses to start on a database it cannot reach, naming the URL with the password masked', async () => {
    const result = await runCli(['serve', '--port', '0', '--store', 'postgres://mock:s3cret-pw@127.0.0.1:1/returns']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot open the store postgres://mock:***@127.0.0.1:1/returns');
    expect(result.stderr).toContain('the database cannot be reached');
    expect(result.stdout + result.stderr).not.toContain('s3cret-pw');
  });

  describe('a database that goes away after start', () => {
    let server: PostgresServer | undefined;
    let mock: Mock | undefined;
    afterAll(async () => {
      await mock?.store.close().catch(() => undefined);
      server?.stop();
    });

    it("answers 503 in the vendor's error shape while it is down, and serves again once it is back", async () => {
      server = await startPostgresServer();
      mock = await createMock({ store: server.url, vendors: ['emporix'] });
      const send = async (method: string, path: string, body?: unknown) => {
        const response = await mock!.app.request(`http://localhost${path}`, {
          method,
          headers: { ...EMPLOYEE, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, json: (await response.json()) as Record<string, unknown> };
      };
      const created = await send('POST', EMPORIX_RETURNS, emporixReturn('OUTAGE-1'));
      expect(created.status).toBe(201);
      server.halt();
      for (const attempt of [send('GET', `${EMPORIX_RETURNS}/${String(created.json.id)}`), send('POST', EMPORIX_RETURNS, emporixReturn('OUTAGE-2'))]) {
        const answer = await attempt;
        expect(answer.status).toBe(503);
        expect(answer.json).toMatchObject({ code: 503, status: 'Service Unavailable', message: expect.stringContaining('cannot be reached') });
      }
      server.resume();
      const read = await send('GET', `${EMPORIX_RETURNS}/${String(created.json.id)}`);
      expect(read.status).toBe(200);
      expect((await send('POST', EMPORIX_RETURNS, emporixReturn('OUTAGE-3'))).status).toBe(201);
    }, 60_000);
  });
});
