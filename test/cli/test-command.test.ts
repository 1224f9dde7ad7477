import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/ensure-chromium.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testCommand } from '../../src/cli/test-command.js';
import type { ContractReport } from '../../src/index.js';
import { runCli } from '../helpers/spawn-cli.js';
import { reportSchemaErrors } from '../contract/report-schema.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/** Each faulty sample client's known violations: [operationId, code, pointer], as its file's header comment lists them. */
const FAULTY = {
  jtl: {
    client: 'jtl-client',
    offered: 1,
    violations: [
      ['createReturn', 'request.body.type', '/Items/0/Quantity'],
      ['createReturn', 'request.header.required', '/x-appversion'],
    ],
  },
  intershop: {
    client: 'intershop-client',
    offered: 12,
    violations: [
      ['createReturnRequest', 'request.header.content-type', '/content-type'],
      ['listReturnReasons', 'request.security.missing', '/Authorization'],
      [null, 'request.path.unknown', ''],
    ],
  },
  emporix: {
    client: 'emporix-client',
    offered: 6,
    violations: [
      ['listReturns', 'request.query.maximum', '/pageSize'],
      ['getReturn', 'request.header.accept', '/accept'],
    ],
  },
  shopctrl: {
    client: 'shopctrl-client',
    offered: 1,
    violations: [
      ['addOrderReturn', 'request.body.required', '/ReturnCode'],
      ['addOrderReturn', 'request.body.type', '/OrderReturnRows/0/Resolution'],
    ],
  },
} as const;
type Vendor = keyof typeof FAULTY;
type Triple = readonly [string | null, string, string];

const sortTriples = (triples: readonly Triple[]) => [...triples].map((t) => [...t]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  dir: string;
  json: ContractReport;
  junit: string;
  md: string;
  html: string;
}

async function runThroughCli(example: string, extra: string[] = []): Promise<Run> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-report-'));
  const result = await runCli(['test', '--report-dir', dir, ...extra, '--', process.execPath, path.join(EXAMPLES, example)], 30_000);
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  return { ...result, dir, json: JSON.parse(await read('report.json')), junit: await read('report.xml'), md: await read('report.md'), html: await read('report.html') };
}

const runs = new Map<string, Run>();
let browser: Browser;

beforeAll(async () => {
  // One after the other: the machine is shared, and each run starts its own server.
  for (const vendor of Object.keys(FAULTY)) runs.set(vendor, await runThroughCli(`${vendor}-client.mjs`));
  runs.set('clean', await runThroughCli('clean-client.mjs'));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const run of runs.values()) await rm(run.dir, { recursive: true, force: true });
});

/** What the HTML page shows, read in a real browser from the file itself. */
async function readHtml(run: Run) {
  const page = await browser.newPage();
  try {
    await page.goto(`file://${path.join(run.dir, 'report.html')}`);
    return await page.evaluate(() => ({
      verdict: document.querySelector('#verdict')?.textContent,
      results: [...document.querySelectorAll('section.result')].map((section) => {
        const coverage = section.querySelector('.coverage') as HTMLElement;
        const bar = section.querySelector('.bar span') as HTMLElement;
        return {
          client: section.getAttribute('data-client'),
          vendor: section.getAttribute('data-vendor'),
          verdict: section.querySelector('h2 .verdict')?.textContent,
          coverageText: coverage.textContent,
          barWidth: bar.getBoundingClientRect().width / (bar.parentElement as HTMLElement).getBoundingClientRect().width,
          requests: Number(section.querySelector('.requests')?.textContent),
          violations: [...section.querySelectorAll('tr.violation')].map((row) => ({
            operation: row.querySelector('.operation')?.textContent,
            code: row.querySelector('.code')?.textContent,
            pointer: row.querySelector('.pointer')?.textContent,
            count: Number(row.querySelector('.count')?.textContent),
            visible: (row as HTMLElement).offsetHeight > 0,
          })),
          operations: section.querySelectorAll('tr.operation').length,
        };
      }),
    }));
  } finally {
    await page.close();
  }
}

/** The violation rows of a Markdown report: [operation, rule, pointer] from the table under "### Violations". */
function markdownViolations(md: string): Triple[] {
  const lines = md.split('\n');
  const start = lines.indexOf('### Violations');
  return lines
    .slice(start + 4)
    .filter((line) => line.startsWith('| '))
    .map((line) => line.slice(2, -2).split(' | '))
    .map(([operation, rule, , pointer]) => [operation === '(no operation)' ? null : operation!, rule!.replaceAll('\\', ''), pointer === '/' ? '' : pointer!] as const);
}

describe('returns-mock test -- node examples/<vendor>-client.mjs', () => {
  describe.each(Object.entries(FAULTY) as Array<[Vendor, (typeof FAULTY)[Vendor]]>)('%s', (vendor, expected) => {
    it('fails with exit code 1 and a summary line', () => {
      const run = runs.get(vendor)!;
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).toContain('contract verdict FAIL');
      expect(run.stdout).toContain(`FAIL ${expected.client} → ${vendor}`);
    });

    it('names each failed rule with its count and place, and the vendors never called', () => {
      const run = runs.get(vendor)!;
      for (const [operationId, code] of expected.violations) expect(run.stdout).toContain(`    ${code} ×1: ${operationId ?? '(no operation)'} `);
      for (const [, , pointer] of expected.violations) expect(run.stdout).toContain(` ${pointer === '' ? '/' : pointer}\n`);
      expect(run.stdout).toMatch(new RegExp(`, ${expected.violations.length} violations\\n`));
      const others = Object.keys(FAULTY).filter((other) => other !== vendor);
      expect(run.stdout).toContain(`not called: ${others.map((other) => `${other} (RETURNS_MOCK_${other.toUpperCase()}_URL)`).join(', ')}`);
    });

    it('JSON: fits the documented schema and lists exactly the known violations, once each', () => {
      const { json } = runs.get(vendor)!;
      expect(reportSchemaErrors(json)).toEqual([]);
      expect(json.verdict).toBe('fail');
      expect(json.results.map((r) => [r.client, r.vendor])).toEqual([[expected.client, vendor]]);
      const [result] = json.results;
      expect(result!.coverage.offered).toBe(expected.offered);
      expect(sortTriples(result!.violations.map((g) => [g.operationId, g.code, g.pointer]))).toEqual(sortTriples(expected.violations));
      expect(result!.violations.every((g) => g.count === 1)).toBe(true);
    });

    it('JUnit: a test case per operation, failures exactly where the violations are', () => {
      const { junit, json } = runs.get(vendor)!;
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junit);
      const suite = parsed.testsuites.testsuite;
      const cases: Array<{ name: string; failure?: { '#text': string } }> = [suite.testcase].flat();
      const unmatched = json.results[0]!.unmatchedRequests > 0 ? 1 : 0;
      expect(cases).toHaveLength(expected.offered + unmatched);
      const failed = cases.filter((c) => c.failure !== undefined);
      const failedOperations = new Set(expected.violations.map(([operationId]) => operationId ?? '(no operation)'));
      expect(failed.map((c) => (c.name.startsWith('(no operation)') ? '(no operation)' : c.name.split(' ')[0])).sort()).toEqual([...failedOperations].sort());
      const text = failed.map((c) => c.failure!['#text']).join('\n');
      for (const [, code, pointer] of expected.violations)
        expect(text).toMatch(new RegExp(`${code.replaceAll('.', '\\.')} at \\w+ ${pointer === '' ? '/' : pointer.replaceAll('/', '\\/')} \\(1×\\)`));
      expect(Number(parsed.testsuites.failures)).toBe(failed.length);
    });

    it('Markdown: one table row per known violation', () => {
      expect(sortTriples(markdownViolations(runs.get(vendor)!.md))).toEqual(sortTriples(expected.violations));
    });

    it('HTML: renders in Chromium, with the numbers of the JSON report', async () => {
      const run = runs.get(vendor)!;
      const shown = await readHtml(run);
      const [result] = run.json.results;
      expect(shown.verdict).toBe('fail');
      expect(shown.results).toHaveLength(1);
      const [page] = shown.results;
      expect(page).toMatchObject({ client: expected.client, vendor, verdict: 'fail', requests: result!.requests, operations: expected.offered });
      expect(page!.coverageText).toBe(`${result!.coverage.exercised} of ${result!.coverage.offered} operations (${result!.coverage.percent}%)`);
      expect(page!.barWidth).toBeCloseTo(result!.coverage.percent / 100, 1);
      expect(page!.violations.every((v) => v.visible && v.count === 1)).toBe(true);
      expect(sortTriples(page!.violations.map((v) => [v.operation === '(no operation)' ? null : v.operation!, v.code!, v.pointer === '/' ? '' : v.pointer!]))).toEqual(
        sortTriples(expected.violations),
      );
    });
  });

  it('passes a clean client across all four vendors: exit 0, no violations, in every format', async () => {
    const run = runs.get('clean')!;
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('contract verdict PASS');
    expect(reportSchemaErrors(run.json)).toEqual([]);
    expect(run.json.results.map((r) => [r.client, r.vendor, r.verdict, r.violations.length])).toEqual([
      ['clean-client', 'emporix', 'pass', 0],
      ['clean-client', 'intershop', 'pass', 0],
      ['clean-client', 'jtl', 'pass', 0],
      ['clean-client', 'shopctrl', 'pass', 0],
    ]);
    expect(run.md).not.toContain('### Violations');
    expect(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(run.junit).testsuites.failures).toBe('0');
    const shown = await readHtml(run);
    expect(shown.verdict).toBe('pass');
    expect(shown.results.map((r) => [r.vendor, r.verdict, r.violations.length])).toEqual(run.json.results.map((r) => [r.vendor, 'pass', 0]));
  });

  it('never writes a credential into a report', () => {
    const secrets = ['demo-token', Buffer.from('admin:secret').toString('base64'), 'secret'];
    for (const run of runs.values()) for (const text of [JSON.stringify(run.json), run.junit, run.md, run.html]) for (const secret of secrets) expect(text).not.toContain(secret);
  });
});

describe('returns-mock test, options and exit codes', () => {
  it('in lenient mode serves the faulty requests but reports the same violations', async () => {
    const run = await runThroughCli('jtl-client.mjs', ['--mode', 'lenient']);
    try {
      expect(run.code).toBe(1);
      expect(run.stdout).not.toContain('→ 400');
      const [result] = run.json.results;
      expect(result!.operations[0]!.statuses).toEqual([{ status: 201, count: 2, documented: true }]);
      expect(sortTriples(result!.violations.map((g) => [g.operationId, g.code, g.pointer]))).toEqual(sortTriples(FAULTY.jtl.violations));
      expect(result!.violations.every((g) => g.firstRequest.lenient)).toBe(true);
    } finally {
      await rm(run.dir, { recursive: true, force: true });
    }
  });

  it('fails a clean client on --require-coverage above what it exercised', async () => {
    const run = await runThroughCli('clean-client.mjs', ['--require-coverage', '60']);
    try {
      expect(run.code).toBe(1);
      expect(run.json.results.filter((r) => r.verdict === 'fail').map((r) => r.vendor)).toEqual(['emporix', 'intershop']);
      expect(run.json.results.find((r) => r.vendor === 'emporix')!.reasons).toEqual(['coverage 50% is below the required 60%']);
    } finally {
      await rm(run.dir, { recursive: true, force: true });
    }
  });

  it("exports the base URLs and passes on the command's own exit code", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-report-'));
    try {
      const script = "for (const v of ['URL','JTL_URL','INTERSHOP_URL','EMPORIX_URL','SHOPCTRL_URL']) console.log(v + '=' + process.env['RETURNS_MOCK_' + v]); process.exit(3)";
      const result = await runCli(['test', '--report-dir', dir, '--', process.execPath, '-e', script]);
      expect(result.code).toBe(3);
      const root = /^URL=(http:\/\/127\.0\.0\.1:\d+)$/m.exec(result.stdout)?.[1];
      expect(root).toBeDefined();
      for (const vendor of ['jtl', 'intershop', 'emporix', 'shopctrl']) expect(result.stdout).toContain(`${vendor.toUpperCase()}_URL=${root}/${vendor}`);
      expect(result.stderr).toContain('the command exited with 3');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('`returns-mock test -- true` exits 1, and 0 with --allow-no-requests', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-report-'));
    try {
      const unchecked = await runCli(['test', '--report-dir', dir, '--', 'true']);
      expect(unchecked.code).toBe(1);
      expect(unchecked.stderr).toContain('no request reached the mock');
      expect(unchecked.stderr).toContain('RETURNS_MOCK_EMPORIX_URL=http://127.0.0.1:');
      const allowed = await runCli(['test', '--report-dir', dir, '--allow-no-requests', '--', 'true']);
      expect(allowed.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to run without a command (exit 2)', async () => {
    const result = await runCli(['test']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no command given');
  });
});

describe('returns-mock test, a command that does not run to its end (in process)', () => {
  const runInProcess = async (command: string[], options: string[] = []) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-report-'));
    const errors: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((text: string) => void errors.push(text));
    const logs: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((text: string) => void logs.push(text));
    try {
      return { code: await testCommand(['--vendors', 'jtl', '--report-dir', dir, ...options, '--', ...command], process.env, dir), errors, logs: logs.join('\n'), dir };
    } finally {
      error.mockRestore();
      log.mockRestore();
    }
  };

  it('exits 128 + the number of the signal that killed the command, whichever signal it was', async () => {
    const run = await runInProcess([process.execPath, '-e', "process.kill(process.pid, 'SIGUSR2')"]);
    try {
      expect(run.code).toBe(128 + os.constants.signals.SIGUSR2);
      expect(run.errors).toEqual([`returns-mock: the command exited with ${128 + os.constants.signals.SIGUSR2}`]);
      expect(JSON.parse(await readFile(path.join(run.dir, 'report.json'), 'utf8')).verdict).toBe('pass');
    } finally {
      await rm(run.dir, { recursive: true, force: true });
    }
  });

  it('fails a run in which no request reached the mock, naming the base URL variables, unless --allow-no-requests', async () => {
    const silent = await runInProcess([process.execPath, '-e', '']);
    const allowed = await runInProcess([process.execPath, '-e', ''], ['--allow-no-requests']);
    try {
      expect(silent.code).toBe(1);
      expect(silent.logs).toContain('contract verdict FAIL (no request reached the mock)');
      expect(silent.errors.join('\n')).toMatch(/no request reached the mock.*RETURNS_MOCK_URL=http:\/\/127\.0\.0\.1:\d+, RETURNS_MOCK_JTL_URL=http:\/\/127\.0\.0\.1:\d+\/jtl/);
      expect(allowed.code).toBe(0);
      expect(allowed.logs).toContain('contract verdict PASS (no requests; --allow-no-requests)');
    } finally {
      await rm(silent.dir, { recursive: true, force: true });
      await rm(allowed.dir, { recursive: true, force: true });
    }
  });

  it('says the contract was not assessed after the command failed, instead of PASS', async () => {
    const run = await runInProcess([process.execPath, '-e', 'process.exit(4)']);
    try {
      expect(run.code).toBe(4);
      expect(run.logs).toContain('contract verdict NOT ASSESSED (the command exited with 4; 0 requests recorded)');
      expect(run.logs).not.toContain('PASS');
    } finally {
      await rm(run.dir, { recursive: true, force: true });
    }
  });

  it('names requests that matched no operation with their nearest operation, in the singular for one', async () => {
    const script = "await fetch(process.env.RETURNS_MOCK_JTL_URL + '/erp/return', { method: 'POST' })";
    const run = await runInProcess([process.execPath, '--input-type=module', '-e', script]);
    try {
      expect(run.logs).toContain('1 request, 1 violation');
      expect(run.logs).toContain('  1 request matched no operation:');
      expect(run.logs).toContain("    POST /jtl/erp/return → 404; near miss: jtl createReturn POST /jtl/erp/returns: segment 'return' should be 'returns'");
    } finally {
      await rm(run.dir, { recursive: true, force: true });
    }
  });

  it('exits 127 for a command not found and 126 for a file that is not executable, naming it', async () => {
    const missing = await runInProcess(['returns-mock-no-such-command']);
    const script = path.join(missing.dir, 'client.sh');
    await writeFile(script, 'exit 0\n', { mode: 0o644 });
    const notExecutable = await runInProcess([script]);
    try {
      expect(missing.code).toBe(127);
      expect(missing.errors[0]).toMatch(/^returns-mock: cannot run 'returns-mock-no-such-command': .*ENOENT/);
      expect(notExecutable.code).toBe(126);
      expect(notExecutable.errors[0]).toMatch(/^returns-mock: cannot run '.*client\.sh': .*EACCES/);
    } finally {
      await rm(missing.dir, { recursive: true, force: true });
      await rm(notExecutable.dir, { recursive: true, force: true });
    }
  });
});
