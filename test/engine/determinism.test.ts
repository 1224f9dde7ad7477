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
  it('gives byte-identical answers to the same requests with the same seed', async () => {
    const [first, second] = [await run(5), await run(5)];
    expect(first).toHaveLength(2 * 20); // two rounds over the 20 operations of the four specs
    expect(second).toEqual(first);
  });

  it('gives different faked data with another seed', async () => {
    expect(await run(6)).not.toEqual(await run(5));
  });
});
