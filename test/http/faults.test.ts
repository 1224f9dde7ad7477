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
});
