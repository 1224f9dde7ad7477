import { describe, expect, it } from 'vitest';
import { createMock } from '../../src/index.js';
import { createSeededFaker } from '../../src/fake/index.js';
import { buildValidRequest } from '../helpers/valid-request.js';

/** Sends a valid request to every operation of every vendor, twice over, and returns what came back. */
async function run(seed: number): Promise<string[]> {
  const mock = await createMock({ inMemory: true, seed, clock: '2025-01-02T03:04:05.000Z' });
  const faker = createSeededFaker(11);
  const answers: string[] = [];
  for (let round = 0; round < 2; round += 1) {
    for (const engine of mock.engines) {
      for (const compiled of engine.operations) {
        const request = buildValidRequest(engine.spec, compiled, faker);
        const init: RequestInit = { method: request.method, headers: request.headers };
        if (request.body !== undefined) init.body = request.body;
        const response = await mock.app.request(`http://localhost${engine.plugin.prefix}${request.path}`, init);
        const headers = [...response.headers.entries()].filter(([name]) => name !== 'date').map(([n, v]) => `${n}: ${v}`);
        answers.push(`${engine.plugin.id} ${compiled.operation.operationId} ${response.status}\n${headers.join('\n')}\n${await response.text()}`);
      }
    }
  }
  return answers;
}

describe('--seed and --clock make a run reproducible', () => {
  it('after a full reset (reset() or POST /__admin/reset) the seeded draws start over: faked answers (dynamic=true) and scenario rules repeat a fresh run', async () => {
    const mock = await createMock({
      inMemory: true,
      seed: 5,
      vendors: ['emporix'],
      scenarios: [{ vendor: 'emporix', operation: 'listReturns', probability: 0.5, status: 400 }],
    });
    const headers = { authorization: 'Bearer employee-token' };
    const sample = async () => {
      const answers: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const faked = await mock.app.request('http://localhost/emporix/return/acme/returns/abc', { headers: { ...headers, prefer: 'dynamic=true' } });
        answers.push(await faked.text());
      }
      for (let i = 0; i < 16; i += 1) answers.push(String((await mock.app.request('http://localhost/emporix/return/acme/returns', { headers })).status));
      return answers;
    };
    const first = await sample();
    expect(new Set(first.slice(0, 3)).size).toBe(3);
    expect(new Set(first.slice(3))).toEqual(new Set(['200', '400']));
    await mock.reset();
    expect(await sample()).toEqual(first);
    // The admin API's full reset restarts them too (a demo environment reset over HTTP).
    expect((await mock.app.request('http://localhost/__admin/reset', { method: 'POST' })).status).toBe(200);
    expect(await sample()).toEqual(first);
  });

  it('gives byte-identical answers to the same requests with the same seed', async () => {
    const [first, second] = [await run(5), await run(5)];
    expect(first).toHaveLength(2 * 20); // two rounds over the 20 operations of the four specs
    expect(second).toEqual(first);
  });

  it('gives different faked data with another seed', async () => {
    expect(await run(6)).not.toEqual(await run(5));
  });
});
