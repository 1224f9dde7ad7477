import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/contract/drift/index.js';
import type { PactFile } from '../../src/contract/pact/index.js';
import { comparePact } from '../helpers/compare-pact.js';
import { runCli, startCli } from '../helpers/spawn-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const spec = (vendor: string) => path.join(ROOT, 'specs', `${vendor}.yaml`);

let dir: string;
let journal: string;
let nextSpec: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-pact-drift-'));
  journal = path.join(dir, 'journal.ndjson');
  nextSpec = path.join(dir, 'emporix-next.yaml');
  // The worked example, as the README runs it: record the clean client's session, then derive the next Emporix spec.
  const recorded = await runCli(
    ['test', '--in-memory', '--journal', journal, '--report-dir', path.join(dir, 'report'), '--', process.execPath, path.join(ROOT, 'examples/clean-client.mjs')],
    60_000,
  );
  expect(recorded.code, recorded.stderr).toBe(0);
  execFileSync(process.execPath, [path.join(ROOT, 'examples/drift/next-emporix-spec.mjs'), nextSpec]);
}, 90_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('returns-mock pact', () => {
  it('writes v4 files from the clean clients’ journal that openapi-pact-comparator accepts with 0 errors', async () => {
    const out = path.join(dir, 'pacts');
    const run = await runCli(['pact', '--journal', journal, '--out', out], 30_000);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('left out 0 exchange(s) with violations');
    const files = (await readdir(out)).sort();
    expect(files).toEqual(['clean-client-emporix.json', 'clean-client-intershop.json', 'clean-client-jtl.json', 'clean-client-shopctrl.json']);
    for (const file of files) {
      const pact = JSON.parse(await readFile(path.join(out, file), 'utf8')) as PactFile;
      expect(pact.metadata.pactSpecification.version).toBe('4.0');
      expect(pact.consumer.name).toBe('clean-client');
      const errors = (await comparePact(spec(pact.provider.name), pact)).filter((result) => result.type === 'error');
      expect(errors, file).toEqual([]);
    }
  }, 60_000);

  it('reads a running mock’s journal with --url, leaves out exchanges with violations and says how many', async () => {
    const cli = await startCli();
    try {
      const headers = { authorization: 'Bearer t', 'x-mock-client': 'shop' };
      expect((await fetch(`${cli.url}/emporix/return/acme/returns?pageSize=5`, { headers })).status).toBe(200);
      expect((await fetch(`${cli.url}/emporix/return/acme/returns?pageSize=61`, { headers })).status).toBe(400);
      expect((await fetch(`${cli.url}/emporix/return/acme/returns?pageSize=62`, { headers })).status).toBe(400);
      const out = path.join(dir, 'from-url');
      const run = await runCli(['pact', '--url', cli.url, '--out', out], 30_000);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('left out 2 exchange(s) with violations');
      const pact = JSON.parse(await readFile(path.join(out, 'shop-emporix.json'), 'utf8')) as PactFile;
      expect(pact.interactions.map((interaction) => interaction.description)).toEqual(['listReturns → 200']);
      expect(pact.interactions[0]!.request.query).toEqual({ pageSize: ['5'] });
    } finally {
      await cli.stop();
    }
  }, 60_000);

  it('refuses to run without --out (exit 2)', async () => {
    const run = await runCli(['pact', '--journal', journal]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out DIR is required');
  });
});

describe('returns-mock drift', () => {
  it('against the unchanged spec: exit 0, nothing to report', async () => {
    const run = await runCli(['drift', '--spec', `emporix=${spec('emporix')}`, '--journal', journal, '--format', 'json'], 30_000);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as DriftReport;
    expect(report.verdict).toBe('safe');
    expect(report.summary).toEqual({ requests: 4, refused: 0, driftedAnswers: 0, operationsGone: 0, newRequiredFields: 0, breakingChanges: 0 });
    expect(report.vendors[0]!.specDiff).toEqual({ breaking: [], nonBreaking: [], unclassified: [] });
    expect(report.vendors[0]!.operations.every((operation) => !operation.breaks)).toBe(true);
  }, 30_000);

  it('against the next spec: exit 1, naming the request with pageSize over 50 and the new required field, in all four formats', async () => {
    const reportDir = path.join(dir, 'drift');
    const run = await runCli(['drift', '--spec', `emporix=${nextSpec}`, '--journal', journal, '--format', 'json', '--report-dir', reportDir], 30_000);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as DriftReport;
    expect(report.verdict).toBe('breaks');
    const operations = Object.fromEntries(report.vendors[0]!.operations.map((operation) => [operation.operationId, operation]));
    expect(operations.listReturns!.refused.map((refused) => [refused.request, refused.findings.map((f) => [f.code, f.pointer])])).toEqual([
      ['GET /return/acme/returns?pageSize=60', [['request.query.maximum', '/pageSize']]],
    ]);
    expect(operations.createReturn!.refused.flatMap((refused) => refused.findings.map((f) => [f.code, f.pointer]))).toEqual([['request.body.required', '/channel']]);
    expect(operations.createReturn!.newRequiredFields.map((field) => [field.location, field.pointer])).toEqual([['body', '/channel']]);
    expect(operations.getReturn!.breaks).toBe(false);
    expect(report.vendors[0]!.specDiff.breaking.map((change) => [change.kind, change.pointer])).toEqual([
      ['request.maximum.decreased', '/pageSize'],
      ['request.property.required-added', '/channel'],
    ]);

    const md = await readFile(path.join(reportDir, 'drift.md'), 'utf8');
    expect(md).toContain('# Spec drift: BREAKS');
    expect(md).toContain('GET /return/acme/returns?pageSize=60');
    expect(md).toContain('/channel');
    const junit = new XMLParser({ ignoreAttributes: false }).parse(await readFile(path.join(reportDir, 'drift.xml'), 'utf8'));
    expect(junit.testsuites['@_failures']).toBe('2');
    const html = await readFile(path.join(reportDir, 'drift.html'), 'utf8');
    expect(html).toContain('<span id="verdict" class="verdict breaks">breaks</span>');
    expect(html).toContain('pageSize=60');
    expect(JSON.parse(await readFile(path.join(reportDir, 'drift.json'), 'utf8'))).toEqual({ ...report, generatedAt: expect.any(String) });
  }, 30_000);

  it('reads a running mock’s journal with --url', async () => {
    const cli = await startCli();
    try {
      const headers = { authorization: 'Bearer t', 'x-mock-client': 'shop' };
      expect((await fetch(`${cli.url}/emporix/return/acme/returns?pageSize=55`, { headers })).status).toBe(200);
      const run = await runCli(['drift', '--spec', `emporix=${nextSpec}`, '--url', cli.url, '--format', 'json'], 30_000);
      expect(run.code, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout) as DriftReport;
      expect(report.vendors[0]!.operations.flatMap((operation) => operation.refused.map((refused) => refused.request))).toEqual(['GET /return/acme/returns?pageSize=55']);
    } finally {
      await cli.stop();
    }
  }, 60_000);

  it('names a vendor it has no old spec for (exit 2)', async () => {
    const run = await runCli(['drift', '--spec', `acme=${nextSpec}`, '--journal', journal]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'acme' is no bundled vendor");
  });
});
