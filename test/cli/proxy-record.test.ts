import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMock } from '../../src/index.js';
import { createSeededFaker } from '../../src/fake/index.js';
import { runCli, startCli, type RunningCli } from '../helpers/spawn-cli.js';
import { buildValidRequest } from '../helpers/valid-request.js';

const headers = { authorization: 'Bearer cli-recording-token', accept: 'application/json', 'content-type': 'application/json' };

/** The spec's own create body (an employee's), as the other tests send it. */
async function createRequest() {
  const mock = await createMock({ inMemory: true, vendors: ['emporix'] });
  const engine = mock.engines[0]!;
  const request = buildValidRequest(
    engine.spec,
    engine.operations.find((c) => c.operation.operationId === 'createReturn')!,
    createSeededFaker(1),
  );
  await mock.store.close();
  return { path: request.path, body: JSON.parse(request.body!) as unknown };
}

async function call(url: string, method: string, body?: unknown) {
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  return { status: response.status, text: await response.text() };
}

describe('returns-mock serve --proxy and --record, as separate processes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'returns-mock-cli-record-'));
  const running: RunningCli[] = [];
  afterAll(async () => {
    for (const cli of running) await cli.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('proxies Emporix from a config file to another returns-mock process, records, and replays the recording with --fixtures', async () => {
    const upstream = await startCli(['--seed', '3']);
    running.push(upstream);
    const config = path.join(dir, 'returns-mock.config.yaml');
    writeFileSync(config, `proxy:\n  emporix: ${upstream.url}/emporix\nproxyTimeout: 5\nrecord: recording\n`);
    const proxy = await startCli(['--config', config]);
    running.push(proxy);

    const create = await createRequest();
    const created = await call(`${proxy.url}/emporix${create.path}`, 'POST', create.body);
    expect(created.status, created.text).toBe(201);
    const returnPath = `/emporix${create.path}/${(JSON.parse(created.text) as { id: string }).id}`;
    const read = await call(`${proxy.url}${returnPath}`, 'GET');
    expect(read.status).toBe(200);
    // The upstream process holds the return: the proxy answered nothing itself.
    expect((await call(`${upstream.url}${returnPath}`, 'GET')).text).toBe(read.text);

    const replay = await startCli(['--fixtures', path.join(dir, 'recording')]);
    running.push(replay);
    const replayed = await call(`${replay.url}${returnPath}`, 'GET');
    expect(replayed.status).toBe(200);
    expect(JSON.parse(replayed.text)).toEqual(JSON.parse(read.text));
  });

  it('refuses a malformed --proxy with a message naming the expected form', async () => {
    const result = await runCli(['serve', '--in-memory', '--port', '0', '--proxy', 'emporix']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--proxy 'emporix' must be VENDOR=URL");
    const unknown = await runCli(['serve', '--in-memory', '--port', '0', '--proxy', 'nobody=http://127.0.0.1:1']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("proxy names vendor 'nobody', which is not mounted");
  });
});
