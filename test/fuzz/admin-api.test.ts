import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';
import { FUZZ_RUNS } from './fuzz-harness.js';

const SEED = Number(process.env.RETURNS_MOCK_FUZZ_SEED ?? 20261204);
const RUNS = FUZZ_RUNS || 1500;

/** The admin routes, the query parameters each knows, and a good value of each. */
const ROUTES: Array<[method: string, path: string, parameters: Record<string, string>]> = [
  ['POST', '/__admin/reset', { vendor: 'emporix', tenant: 'acme' }],
  ['GET', '/__admin/state', {}],
  ['POST', '/__admin/fixtures', {}],
  ['GET', '/__admin/journal', { violations: 'true', since: '0', limit: '5', client: 'a', vendor: 'jtl', operation: 'listReturns' }],
  ['DELETE', '/__admin/journal', {}],
  ['GET', '/__admin/vendors', {}],
  ['GET', '/__admin/report', { format: 'md', requireCoverage: '50', client: 'a', vendor: 'emporix' }],
  ['GET', '/__admin/ui', {}],
];
const OTHER_NAMES = ['vendr', '__proto__', 'constructor', 'token', '', 'x'];

const hostile = fc.oneof(
  fc.constantFrom('', ' ', '\t', 'nope', 'true', '0', '-1', '1.5', '101', 'xml', '__proto__', 'constructor', '%00', '%FF', 'a%00b', '%E2%80%AE', '9'.repeat(30), 'x'.repeat(5_000)),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
/** Per known parameter: absent, its good value, or a hostile one; so bad values meet good ones (`vendor=emporix&tenant=`). */
const choice = fc.oneof(fc.constant<'absent'>('absent'), fc.constant<'good'>('good'), hostile);
const body = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(
    '',
    '{',
    'null',
    '[]',
    '"x"',
    '{"nope":{}}',
    '{"jtl":{"warehouses":"x"}}',
    '{"jtl":{"warehouses":[{"Id":1}]}}',
    '{"__proto__":{"polluted":1}}',
    '{"emporix":{"__proto__":[]}}',
    '{"jtl":{"constructor":[{"Id":1}]}}',
  ),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
);

describe('the admin API under hostile input', () => {
  it(
    `answers ${RUNS} random admin requests with a 2xx or a 4xx whose JSON error names what is wrong, never a 5xx`,
    async () => {
      const { send } = await createTestMock({ vendors: ['emporix', 'jtl'] });
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(
          fc.nat(ROUTES.length - 1),
          fc.array(choice, { minLength: 6, maxLength: 6 }),
          fc.option(fc.tuple(fc.constantFrom(...OTHER_NAMES), hostile)),
          body,
          async (routeIndex, choices, extra, payload) => {
            const [method, path, known] = ROUTES[routeIndex]!;
            const pairs = Object.entries(known).flatMap(([name, good], i) => {
              const chosen = choices[i]!;
              return chosen === 'absent' ? [] : [`${name}=${chosen === 'good' ? good : chosen}`];
            });
            if (extra !== null) pairs.push(`${encodeURIComponent(extra[0])}=${extra[1]}`);
            const query = pairs.join('&');
            const url = query === '' ? path : `${path}?${query}`;
            const answer = await send(method, url, payload === undefined || method === 'GET' ? {} : { body: payload, headers: { 'content-type': 'application/json' } });
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            expect(answer.status, `${method} ${url.slice(0, 200)}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
            if (answer.status >= 400 && answer.status !== 404) {
              expect(typeof answer.json?.error, `${method} ${url.slice(0, 200)}: ${answer.text.slice(0, 200)}`).toBe('string');
              expect(answer.json.error.length).toBeGreaterThan(0);
            }
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      expect([...statuses.keys()].some((status) => status === 200)).toBe(true);
      expect([...statuses.keys()].some((status) => status === 400)).toBe(true);
    },
    Math.max(60_000, RUNS * 20),
  );
});
