import * as pactCoreModule from '@pact-foundation/pact-core';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../../src/index.js';
import { runCleanClient } from '../../helpers/run-clean-client.js';

// pact-core is CommonJS: its default export (the Pact object) arrives under `default` here.
const pactCore = (pactCoreModule as unknown as { default: { verifyPacts(options: pactCoreModule.VerifierOptions): Promise<string> } }).default;

/** The credentials the clean client sends, masked in the journal and so in the pacts: the verifier sends them again. */
const CREDENTIALS: Record<string, string[]> = {
  emporix: ['authorization: Bearer demo-token'],
  jtl: ['authorization: Bearer demo-token'],
  intershop: [`authorization: Basic ${Buffer.from('admin:secret').toString('base64')}`],
  shopctrl: [],
};

let mock: RunningMock;
let dir: string;

beforeAll(async () => {
  mock = await startMock({ inMemory: true, seed: 11 });
  dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-pact-verify-'));
  await runCleanClient(mock);
  mock.pact({ out: dir });
}, 60_000);

afterAll(async () => {
  await mock?.close();
  await rm(dir, { recursive: true, force: true });
});

// pact-js's own verifier (the Rust core through @pact-foundation/pact-core) loads each written v4 file and replays it
// against the same mock: the requests are accepted, and the matchers let the newly made-up ids and times through.
it.each(Object.keys(CREDENTIALS))(
  'pact-js loads and verifies clean-client-%s.json against the mock',
  async (vendor) => {
    const output = await pactCore.verifyPacts({
      providerBaseUrl: mock.urlFor(vendor),
      pactUrls: [path.join(dir, `clean-client-${vendor}.json`)],
      logLevel: 'error',
      customProviderHeaders: CREDENTIALS[vendor],
    });
    const result = JSON.parse(output) as { result: boolean; interactionResults: Array<{ result: string }> };
    expect(result.result).toBe(true);
    expect(result.interactionResults.length).toBeGreaterThan(0);
    expect(result.interactionResults.every((interaction) => interaction.result === 'OK')).toBe(true);
  },
  60_000,
);
