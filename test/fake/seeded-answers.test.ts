import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSeededFaker, fakeFromSchema } from '../../src/fake/index.js';
import { createMock } from '../../src/index.js';
import { loadSpec } from '../../src/spec/load-spec.js';
import { buildValidRequest } from '../helpers/valid-request.js';
import { matcherFor } from '../helpers/spec-tools.js';

// Pins faked values byte for byte: refactoring the faker or the checker it asks (`oneOf`, `if`, patterns, formats)
// must not change what a seed produces, or users' recorded runs and snapshots break.
const SPECS_DIR = fileURLToPath(new URL('../../specs/', import.meta.url));
const FIXTURE_SPEC = fileURLToPath(new URL('../fixtures/specs/catalog.yaml', import.meta.url));
const specFiles = [
  ...readdirSync(SPECS_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => `${SPECS_DIR}${name}`),
  FIXTURE_SPEC,
];

describe('seeded faked values are pinned', () => {
  it('every component schema of every spec, seeds 1 and 2', async () => {
    const lines: string[] = [];
    for (const file of specFiles) {
      const spec = await loadSpec(file);
      for (const name of Object.keys(spec.doc.components?.schemas ?? {})) {
        const pointer = `#/components/schemas/${name}`;
        for (const seed of [1, 2])
          lines.push(
            `${file.slice(file.lastIndexOf('/') + 1)} ${name} ${seed} ${JSON.stringify(fakeFromSchema(spec.index, { $ref: pointer }, { matches: matcherFor(spec), faker: createSeededFaker(seed), pointer }))}`,
          );
      }
    }
    expect(lines.length).toBeGreaterThan(100);
    await expect(lines.join('\n')).toMatchFileSnapshot('./__snapshots__/seeded-component-values.txt');
  });

  it('every operation of every vendor answered with Prefer: dynamic=true, seed 7', async () => {
    const mock = await createMock({ inMemory: true, seed: 7, clock: '2025-01-02T03:04:05.000Z' });
    const requestFaker = createSeededFaker(11);
    const answers: string[] = [];
    for (const engine of mock.engines) {
      for (const compiled of engine.operations) {
        const request = buildValidRequest(engine.spec, compiled, requestFaker);
        const init: RequestInit = { method: request.method, headers: { ...request.headers, prefer: 'dynamic=true' } };
        if (request.body !== undefined) init.body = request.body;
        const response = await mock.app.request(`http://localhost${engine.plugin.prefix}${request.path}`, init);
        answers.push(`${engine.plugin.id} ${compiled.operation.operationId} ${response.status} ${response.headers.get('content-type')}\n${await response.text()}`);
      }
    }
    expect(answers).toHaveLength(20);
    await expect(answers.join('\n')).toMatchFileSnapshot('./__snapshots__/seeded-dynamic-answers.txt');
  });
});
