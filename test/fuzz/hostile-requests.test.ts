import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countReturns, createFuzzMock, FUZZ_RUNS, fuzzTargets, prototypeSnapshot } from './fuzz-harness.js';
import { applyMutation, mutation } from './mutations.js';
import { vendorShapeProblem } from './vendor-error-shape.js';

/** Fixed, so a failure in CI replays exactly; `npm run fuzz` may pass another through RETURNS_MOCK_FUZZ_SEED. */
const SEED = Number(process.env.RETURNS_MOCK_FUZZ_SEED ?? 20261123);
const RUNS = FUZZ_RUNS || 2500;

describe('hostile requests to every operation of the four specs', () => {
  it(
    `answers ${RUNS} mutated requests with a 4xx in the vendor's shape or a success, never a 5xx, and keeps prototype and store intact`,
    async () => {
      const prototypeBefore = prototypeSnapshot();
      const fuzz = await createFuzzMock();
      const targets = fuzzTargets(fuzz.mock);
      expect(targets.length).toBeGreaterThanOrEqual(20);
      const statuses = new Map<number, number>();

      await fc.assert(
        fc.asyncProperty(fc.nat(targets.length - 1), fc.integer({ min: 1, max: 4 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (targetIndex, seed, mutations) => {
          const target = targets[targetIndex]!;
          const request = mutations.reduce(applyMutation, target.valid(seed));
          const { response, text, exchange } = await fuzz.send(target.prefix, request);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const where = `${target.vendor} ${target.operationId} ${request.method} ${request.path.slice(0, 200)}`;
          expect(response.status, `${where}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (exchange === undefined) return; // the URL left every vendor's prefix (e.g. `..`): the server's own 404
          expect(exchange.responseViolations, `${where}: the answer breaks the spec`).toEqual([]);
          if (response.status >= 400) expect(vendorShapeProblem(exchange.vendor, response.status, response.headers.get('content-type') ?? '', text), where).toBeUndefined();
          expect(({} as Record<string, unknown>).polluted, `${where} polluted Object.prototype`).toBeUndefined();
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );

      expect(prototypeSnapshot()).toBe(prototypeBefore);
      // The mutations must mostly be refused, and some must still get through: otherwise the fuzzer tests nothing deep.
      const refused = [...statuses].filter(([status]) => status >= 400).reduce((sum, [, count]) => sum + count, 0);
      console.log(
        `[fuzz] mutated requests: ${RUNS}, statuses: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}×${count}`)
          .join(' ')}`,
      );
      const accepted = [...statuses].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0);
      expect(refused).toBeGreaterThan(RUNS / 2);
      expect(accepted).toBeGreaterThan(0);

      const expected = fuzz.expectedReturns();
      const { held, loaded } = await fuzz.closeAndReopen();
      expect(countReturns(held)).toBe(expected);
      expect(loaded).toEqual(held);
    },
    Math.max(60_000, RUNS * 15),
  );
});
