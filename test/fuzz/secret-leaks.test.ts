import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../src/contract/index.js';
import { createTestMock } from '../helpers/mock-client.js';
import { FUZZ_RUNS } from './fuzz-harness.js';

const SEED = Number(process.env.RETURNS_MOCK_FUZZ_SEED ?? 20261206);
const RUNS = FUZZ_RUNS || 300;
const ADMIN_TOKEN = 'ADMINTOKEN-0f9e8d7c';

const TARGETS = [
  ['GET', '/emporix/return/acme/returns'],
  ['POST', '/emporix/return/acme/returns'],
  ['POST', '/jtl/erp/returns'],
  ['GET', '/intershop/shops/s/return-reasons'],
  ['POST', '/intershop/shops/s/orders/1/return-requests'],
  ['POST', '/shopctrl/v1/Returns'],
  ['GET', '/nowhere'],
] as const;

/** Where a client may put a credential: each place must be masked in everything the mock writes. */
type Place =
  | 'bearer'
  | 'basic-user'
  | 'basic-password'
  | 'x-api-key'
  | 'x-admin-token'
  | 'x-auth-token'
  | 'saas-token'
  | 'cookie'
  | 'x-session-token'
  | 'x-client-secret'
  | 'query-token'
  | 'query-access_token'
  | 'query-api_key';
const PLACES: Place[] = [
  'bearer',
  'basic-user',
  'basic-password',
  'x-api-key',
  'x-admin-token',
  'x-auth-token',
  'saas-token',
  'cookie',
  'x-session-token',
  'x-client-secret',
  'query-token',
  'query-access_token',
  'query-api_key',
];

/** A secret unlike anything else in a report: a fixed marker and random characters. */
const secret = fc.stringMatching(/^[A-Za-z0-9]{8,16}$/).map((random) => `SECRET${random}`);

describe('no secret reaches the journal, its file or any report format', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'returns-mock-secret-fuzz-'));
  const journalFile = path.join(dir, 'journal.ndjson');
  const mock = await createTestMock({ adminToken: ADMIN_TOKEN, journal: journalFile, journalLimit: 100_000 });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    `sends ${RUNS} requests with credentials (and the admin token) in every place, then finds none of them in what the mock wrote`,
    async () => {
      const sent = new Set<string>([ADMIN_TOKEN]);
      let journaled = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...TARGETS),
          fc.array(fc.tuple(fc.constantFrom(...PLACES), secret), { minLength: 1, maxLength: 3 }),
          fc.constantFrom('none', 'admin-in-body', 'admin-in-path', 'admin-in-header'),
          fc.boolean(),
          async ([method, target], credentials, adminElsewhere, named) => {
            const headers: Record<string, string> = { 'content-type': 'application/json' };
            const query = new URLSearchParams();
            let basicUser = 'user';
            let basicPassword = 'pw';
            let basic = false;
            for (const [place, value] of credentials) {
              sent.add(value);
              if (place === 'bearer') headers.authorization = `Bearer ${value}`;
              else if (place === 'basic-user') [basic, basicUser] = [true, value];
              else if (place === 'basic-password') [basic, basicPassword] = [true, value];
              else if (place === 'cookie') headers.cookie = `session=${value}`;
              else if (place.startsWith('query-')) query.set(place.slice('query-'.length), value);
              else headers[place] = value;
            }
            if (basic) headers.authorization = `Basic ${Buffer.from(`${basicUser}:${basicPassword}`).toString('base64')}`;
            if (adminElsewhere === 'admin-in-header') headers['x-note'] = `the token is ${ADMIN_TOKEN}`;
            if (named) headers['x-mock-client'] = 'fuzz-client';
            const where = adminElsewhere === 'admin-in-path' ? `${target}/${ADMIN_TOKEN}` : target;
            const url = query.size === 0 ? where : `${where}?${query}`;
            const body = method === 'POST' ? JSON.stringify(adminElsewhere === 'admin-in-body' ? { note: ADMIN_TOKEN } : { orders: 1 }) : undefined;
            const answer = await mock.send(method, url, { headers, body });
            expect(answer.status).toBeLessThan(500);
            // A path no vendor owns is the server's own 404, journaled for no vendor.
            if (target !== '/nowhere') journaled += 1;
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      const outputs: Record<string, string> = {
        journal: JSON.stringify(mock.journal()),
        'journal file': readFileSync(journalFile, 'utf8'),
        ...Object.fromEntries(REPORT_FORMATS.map((format) => [`${format} report`, mock.report({ format })])),
      };
      // One pass over each output for the marker, rather than one search per secret (40,000 of them in \`npm run fuzz\`).
      const found = (text: string) =>
        new Set(
          [...text.matchAll(/SECRET[A-Za-z0-9]{8,}/g)]
            .flatMap((match) => Array.from({ length: 9 }, (_, extra) => match[0].slice(0, 14 + extra)).filter((value) => sent.has(value)))
            .concat(text.includes(ADMIN_TOKEN) ? [ADMIN_TOKEN] : []),
        );
      const leaks = Object.entries(outputs).flatMap(([output, text]) => [...found(text)].map((value) => `${value} in the ${output}`));
      console.log(
        `[fuzz] secret leaks: ${sent.size} secrets in ${RUNS} requests, ${Object.keys(outputs).length} outputs (journal, journal file, ${REPORT_FORMATS.join(', ')}), leaks: ${leaks.length}`,
      );
      expect(leaks).toEqual([]);
      expect(mock.journal().length).toBe(journaled);
    },
    Math.max(60_000, RUNS * 20),
  );
});
