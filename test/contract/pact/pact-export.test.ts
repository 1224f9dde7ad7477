import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparePact } from '../../helpers/compare-pact.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type PactExport, type RunningMock } from '../../../src/index.js';
import { runCleanClient } from '../../helpers/run-clean-client.js';
import { UUID_REGEX } from '../../../src/contract/pact/match-generated-values.js';

let mock: RunningMock;
let dir: string;
let exported: PactExport & { files: string[] };

beforeAll(async () => {
  mock = await startMock({ inMemory: true, seed: 7 });
  dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-pact-'));
  await runCleanClient(mock);
  exported = mock.pact({ out: dir });
}, 60_000);

afterAll(async () => {
  await mock?.close();
  await rm(dir, { recursive: true, force: true });
});

const compare = (vendor: string, pact: unknown) => comparePact(fileURLToPath(new URL(`../../../specs/${vendor}.yaml`, import.meta.url)), pact);

describe('mock.pact() on the clean example client', () => {
  it('writes one v4 pact per vendor, consumer clean-client', () => {
    expect(exported.files.map((file) => path.basename(file)).sort()).toEqual([
      'clean-client-emporix.json',
      'clean-client-intershop.json',
      'clean-client-jtl.json',
      'clean-client-shopctrl.json',
    ]);
  });

  it.each(['emporix', 'intershop', 'jtl', 'shopctrl'])('%s: the comparator finds 0 errors', async (vendor) => {
    const file = path.join(dir, `clean-client-${vendor}.json`);
    const results = await compare(vendor, JSON.parse(readFileSync(file, 'utf8')));
    expect(results.filter((r) => r.type === 'error')).toEqual([]);
  });

  it('the comparator does read these files: a pact whose answer breaks the spec gets errors', async () => {
    const pact = structuredClone(exported.pacts.find((p) => p.pact.provider.name === 'emporix')!.pact);
    const created = pact.interactions.find((interaction) => interaction.description === 'createReturn → 201')!;
    created.response.status = 418;
    const listed = pact.interactions.find((interaction) => interaction.description === 'listReturns → 200')!;
    listed.request.query = { ...listed.request.query, pageSize: ['500'] };
    const codes = (await compare('emporix', pact)).filter((r) => r.type === 'error').map((r) => r.code);
    expect(codes).toContain('response.status.unknown');
    expect(codes).toContain('request.query.incompatible');
  });

  it('has one interaction per operation × status and no violations were skipped', () => {
    const emporix = exported.pacts.find((p) => p.pact.provider.name === 'emporix')!.pact;
    expect(emporix.interactions.map((interaction) => interaction.description)).toEqual(['createReturn → 201', 'getReturn → 200', 'listReturns → 200']);
    expect(emporix.metadata.pactSpecification.version).toBe('4.0');
    expect(exported.skipped.violations).toBe(0);
  });

  it('matches the values the mock made up instead of pinning them', () => {
    const emporix = exported.pacts.find((p) => p.pact.provider.name === 'emporix')!.pact;
    const created = emporix.interactions.find((interaction) => interaction.description === 'createReturn → 201')!;
    expect(created.response.matchingRules?.body?.['$.id']?.matchers).toEqual([{ match: 'regex', regex: UUID_REGEX }]);
    const got = emporix.interactions.find((interaction) => interaction.description === 'getReturn → 200')!;
    const rules = got.response.matchingRules?.body ?? {};
    const dateRule = Object.entries(rules).find(([pointer]) => /creat|date|time/i.test(pointer));
    expect(dateRule?.[1].matchers[0]?.match).toMatch(/^(datetime|date|regex)$/);
    // Echoed from the request: the reason code the client sent stays exact.
    expect(rules['$.reason.code']).toBeUndefined();
    expect(got.request.matchingRules?.path?.matchers[0]).toEqual({ match: 'regex', regex: '^/return/[^/]+/returns/[^/]+$' });
  });
});
