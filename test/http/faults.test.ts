import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/index.js';

const employee = { authorization: 'Bearer employee-token' };

describe('fault injection over a real port (Prefer: fault=..., delay=...)', () => {
  let mock: RunningMock;
  let returns: string;
  beforeAll(async () => {
    mock = await startMock({ vendors: ['emporix'], inMemory: true });
    returns = `${mock.urlFor('emporix')}/return/acme/returns`;
  });
  afterAll(async () => {
    await mock.close();
  });

  const stillServes = async () => {
    const response = await fetch(`${returns}?pageSize=1`, { headers: employee });
    expect(response.status).toBe(200);
  };

  it('fault=reset drops the connection: the client sees a network error, the server keeps serving', async () => {
    const error = await fetch(returns, { headers: { ...employee, prefer: 'fault=reset' } }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(TypeError);
    await stillServes();
  });

  it('fault=timeout sends nothing until the client gives up', async () => {
    const error = await fetch(returns, { headers: { ...employee, prefer: 'fault=timeout' }, signal: AbortSignal.timeout(300) }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect((error as Error).name).toBe('TimeoutError');
    await stillServes();
  });

  it('fault=malformed sends the status and a body no client can parse', async () => {
    const response = await fetch(`${returns}?pageSize=1`, { headers: { ...employee, prefer: 'fault=malformed' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('delay=ms holds the answer at least that long', async () => {
    const started = performance.now();
    const response = await fetch(`${returns}?pageSize=1`, { headers: { ...employee, prefer: 'delay=300' } });
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
  });

  it('a pending delay=60000 does not keep a process alive after close(): its wait ends with the connection', async () => {
    // A child process, since only its exit shows whether a timer still holds the event loop (`npm test` builds dist first).
    const index = new URL('../../dist/index.js', import.meta.url).href;
    const script = `
      import { startMock } from ${JSON.stringify(index)};
      const mock = await startMock({ vendors: ['emporix'], inMemory: true });
      fetch(mock.urlFor('emporix') + '/return/acme/returns', { headers: { authorization: 'Bearer x', prefer: 'delay=60000' } }).catch(() => {});
      // The journal records an exchange once its delay is over: here, when close() ends the wait.
      await new Promise((r) => setTimeout(r, 500));
      await mock.close();
      for (let i = 0; i < 80 && mock.journal().length === 0; i += 1) await new Promise((r) => setTimeout(r, 25));
      console.log('closed with ' + mock.journal().length + ' request pending, after ' + Math.round(mock.journal()[0]?.durationMs ?? -1) + ' ms');
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Bounded: a child still running long after close() (the delay is a minute) is the defect, and is killed.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (c, s) => resolve([c, s])));
    clearTimeout(guard);
    expect(output).toMatch(/closed with 1 request pending, after \d+ ms/);
    expect(Number(/after (\d+) ms/.exec(output)?.[1])).toBeLessThan(60_000);
    expect(signal).toBeNull();
    expect(code).toBe(0);
  });
});
