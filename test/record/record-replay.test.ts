import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/index.js';
import { createSeededFaker } from '../../src/fake/index.js';
import { loadFixtures } from '../../src/store/index.js';
import { buildValidRequest } from '../helpers/valid-request.js';

async function send(base: string, request: { method: string; path: string; headers: Record<string, string>; body?: string }) {
  const response = await fetch(`${base}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const TOKEN = 'Bearer recorded-secret-4711';
const BASIC_PASSWORD = 'iom-password-0815';

/** Every file under `dir`, with its text. */
function filesOf(dir: string): Array<[string, string]> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, file), readFileSync(file, 'utf8')];
    });
}

describe('--record through the proxy, replayed with --fixtures', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'returns-mock-record-'));
  let upstream: RunningMock;
  let proxy: RunningMock;
  const recorded: Record<string, { path: string; text: string; headers: Record<string, string> }> = {};

  beforeAll(async () => {
    upstream = await startMock({ inMemory: true, seed: 11, clock: '2024-05-01T10:00:00Z' });
    proxy = await startMock({ inMemory: true, proxy: { emporix: upstream.urlFor('emporix'), intershop: upstream.urlFor('intershop'), jtl: upstream.urlFor('jtl') }, record: dir });
    const operation = (vendor: string, id: string) => {
      const engine = proxy.engines.find((e) => e.plugin.id === vendor)!;
      return buildValidRequest(
        engine.spec,
        engine.operations.find((c) => c.operation.operationId === id)!,
        createSeededFaker(5),
      );
    };

    // Emporix: create, then read it back (the get is what records the return).
    const create = operation('emporix', 'createReturn');
    create.headers.authorization = TOKEN;
    const created = await send(proxy.urlFor('emporix'), create);
    expect(created.status, created.text).toBe(201);
    const emporixPath = `${create.path}/${(JSON.parse(created.text) as { id: string }).id}`;
    const emporixHeaders = { authorization: TOKEN, accept: 'application/json' };
    const read = await send(proxy.urlFor('emporix'), { method: 'GET', path: emporixPath, headers: emporixHeaders });
    expect(read.status).toBe(200);
    recorded.emporix = { path: emporixPath, text: read.text, headers: emporixHeaders };

    // Intershop: create, read it and its positions.
    const iomCreate = operation('intershop', 'createReturnRequest');
    iomCreate.headers.authorization = `Basic ${Buffer.from(`tester:${BASIC_PASSWORD}`).toString('base64')}`;
    const iomCreated = await send(proxy.urlFor('intershop'), iomCreate);
    expect(iomCreated.status, iomCreated.text).toBe(201);
    const location = new URL(iomCreated.headers.get('location')!);
    const iomPath = location.pathname.slice(location.pathname.indexOf('/shops/'));
    const iomHeaders = { authorization: iomCreate.headers.authorization };
    const iomRead = await send(proxy.urlFor('intershop'), { method: 'GET', path: iomPath, headers: iomHeaders });
    expect(iomRead.status, iomRead.text).toBe(200);
    const positions = await send(proxy.urlFor('intershop'), { method: 'GET', path: `${iomPath}/positions`, headers: iomHeaders });
    expect(positions.status, positions.text).toBe(200);
    recorded.intershop = { path: iomPath, text: iomRead.text, headers: iomHeaders };
    recorded.positions = { path: `${iomPath}/positions`, text: positions.text, headers: iomHeaders };

    // JTL: a create answer is recorded as reference (the API has no read).
    const jtl = operation('jtl', 'createReturn');
    jtl.headers.authorization = TOKEN;
    expect((await send(proxy.urlFor('jtl'), jtl)).status).toBe(201);
  });
  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes fixtures --fixtures reads, with the upstream's ids, and every proxied exchange as NDJSON", async () => {
    const fixtures = await loadFixtures(dir);
    const emporixReturn = JSON.parse(recorded.emporix!.text) as { id: string };
    expect(fixtures.emporix?.returns?.map((record) => record.id)).toEqual([emporixReturn.id]);
    expect(fixtures.emporix?.orders?.length).toBeGreaterThan(0);
    const iomReturn = JSON.parse(recorded.intershop!.text) as { id: number };
    expect(fixtures.intershop?.returnRequests).toEqual([expect.objectContaining({ id: iomReturn.id, positions: JSON.parse(recorded.positions!.text) })]);
    expect(fixtures.jtl?.returns).toHaveLength(1);
    const lines = readFileSync(path.join(dir, 'exchanges.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.vendor, line.operationId, line.upstream.status])).toEqual([
      ['emporix', 'createReturn', 201],
      ['emporix', 'getReturn', 200],
      ['intershop', 'createReturnRequest', 201],
      ['intershop', 'getReturnRequest', 200],
      ['intershop', 'listReturnRequestPositions', 200],
      ['jtl', 'createReturn', 201],
    ]);
    expect(lines[1].upstream.body).toEqual(JSON.parse(recorded.emporix!.text));
  });

  it('keeps every secret out of the recording', () => {
    const basic = Buffer.from(`tester:${BASIC_PASSWORD}`).toString('base64');
    const files = filesOf(dir);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const [name, text] of files) {
      expect(text, name).not.toContain('recorded-secret-4711');
      expect(text, name).not.toContain(BASIC_PASSWORD);
      expect(text, name).not.toContain(basic);
    }
    expect(readFileSync(path.join(dir, 'exchanges.ndjson'), 'utf8')).toContain('"authorization":"Bearer ***"');
  });

  it('a mock started with --fixtures on the recording answers a get of a recorded return with the recorded body, statefully', async () => {
    const mockFindings: unknown[] = [];
    const replay = await startMock({ inMemory: true, fixtures: dir, onExchange: (exchange) => mockFindings.push(...exchange.responseViolations) });
    try {
      const emporix = await send(replay.urlFor('emporix'), { method: 'GET', path: recorded.emporix!.path, headers: recorded.emporix!.headers });
      expect(emporix.status).toBe(200);
      expect(JSON.parse(emporix.text)).toEqual(JSON.parse(recorded.emporix!.text));
      const iom = await send(replay.urlFor('intershop'), { method: 'GET', path: recorded.intershop!.path, headers: recorded.intershop!.headers });
      expect(iom.status).toBe(200);
      expect(JSON.parse(iom.text)).toEqual(JSON.parse(recorded.intershop!.text));
      const positions = await send(replay.urlFor('intershop'), { method: 'GET', path: recorded.positions!.path, headers: recorded.positions!.headers });
      expect(JSON.parse(positions.text)).toEqual(JSON.parse(recorded.positions!.text));
      // Stateful: the recorded return is a stored one, so the mock's own operations work on it.
      const deleted = await send(replay.urlFor('emporix'), { method: 'DELETE', path: recorded.emporix!.path, headers: { authorization: TOKEN } });
      expect(deleted.status).toBe(204);
      expect((await send(replay.urlFor('emporix'), { method: 'GET', path: recorded.emporix!.path, headers: recorded.emporix!.headers })).status).toBe(404);
      // The replay's answers fit the spec, and the client's only finding is the get of the return it deleted.
      expect(mockFindings).toEqual([]);
      expect(replay.journal().map((entry) => entry.violations.map((violation) => violation.code))).toEqual([[], [], [], [], ['state.return.not-found']]);
    } finally {
      await replay.close();
    }
  });
});
