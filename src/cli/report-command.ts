import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  buildVendorCatalogue,
  createReportCollector,
  FAIL_ON_LEVELS,
  isFailOn,
  isReportFormat,
  parseJournalFile,
  renderReport,
  REPORT_FORMATS,
  type ContractReport,
  type FailOn,
} from '../contract/index.js';
import { MOCK_VERSION } from '../index.js';
import { loadSpec } from '../spec/load-spec.js';
import { createGenericPlugin, vendorPlugins } from '../vendors/index.js';

export const REPORT_USAGE = `Usage: returns-mock report [options]

Writes the contract report of a running mock (its admin API) or of a journal file.
Exits 0 when the verdict is pass, 1 when it is fail, and 2 when no report could be had (no mock
answering at the URL, the admin token refused, an unreadable journal, a usage error).

Options:
  --url URL           the running mock's root (env RETURNS_MOCK_URL; default http://127.0.0.1:4010)
  --admin-token TOKEN the running mock's admin token, if it has one (env RETURNS_MOCK_ADMIN_TOKEN)
  --journal FILE      build the report from this NDJSON journal instead (serve --journal FILE)
  --spec FILE         a further spec the journal's requests went to (as for serve; repeatable)
  --client NAME       only this client
  --vendor ID         only this vendor
  --format F          ${REPORT_FORMATS.join(', ')} (default json)
  --out FILE          write it here (default: standard output)
  --require-coverage N  fail a client/vendor that exercised less than N% of the operations
  --fail-on LEVEL     ${FAIL_ON_LEVELS.join(', ')}: the lowest finding level that fails the verdict (default violation)
  -h, --help          this text
`;

function usageError(message: string): number {
  console.error(`returns-mock report: ${message}\nRun 'returns-mock help report' for the options.`);
  return 2;
}

interface ReportQuery {
  client?: string;
  vendor?: string;
  requireCoverage?: number;
  failOn?: FailOn;
}

async function reportFromServer(url: string, adminToken: string | undefined, query: ReportQuery): Promise<ContractReport> {
  const params = new URLSearchParams({ format: 'json' });
  if (query.client !== undefined) params.set('client', query.client);
  if (query.vendor !== undefined) params.set('vendor', query.vendor);
  if (query.requireCoverage !== undefined) params.set('requireCoverage', String(query.requireCoverage));
  if (query.failOn !== undefined) params.set('failOn', query.failOn);
  let response: Response;
  try {
    response = await fetch(`${url.replace(/\/+$/, '')}/__admin/report?${params}`, { headers: adminToken === undefined ? {} : { 'x-admin-token': adminToken } });
  } catch (error) {
    // fetch's own message is only "fetch failed": the reason (ECONNREFUSED, ENOTFOUND, …) is its cause.
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`no mock answering at ${url} (${cause?.code ?? cause?.message ?? (error as Error).message})`);
  }
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  const text = await response.text();
  try {
    return JSON.parse(text) as ContractReport;
  } catch {
    throw new Error(`no mock answering at ${url} (its /__admin/report is not a returns-mock report)`);
  }
}

async function reportFromJournal(file: string, specs: string[], query: ReportQuery): Promise<ContractReport> {
  const { entries, tornLines } = parseJournalFile(readFileSync(file, 'utf8'), file);
  for (const line of tornLines) console.error(`returns-mock report: ${file}:${line} holds an entry torn by a killed run; skipped`);
  const plugins = [
    ...vendorPlugins,
    ...specs.map((entry) => {
      const match = /^(\/[^=]+)=(.+)$/.exec(entry);
      return match === null ? createGenericPlugin(entry) : createGenericPlugin(match[2]!, match[1]);
    }),
  ];
  // Without its spec a vendor offers no operations: its coverage would read 100% and JUnit would show no failing case.
  const unknown = [...new Set(entries.map((entry) => entry.vendor))].filter((vendor) => !plugins.some((plugin) => plugin.id === vendor));
  if (unknown.length > 0)
    throw new Error(
      `${file} has requests to ${unknown.map((vendor) => `'${vendor}'`).join(', ')}, which no bundled vendor or --spec provides: give the spec the mock served with --spec FILE`,
    );
  const catalogues = await Promise.all(
    plugins.map(async (plugin) => {
      const spec = await loadSpec(plugin.specFile);
      return buildVendorCatalogue(plugin, spec.index, { prefix: plugin.prefix, specFile: plugin.specFile });
    }),
  );
  // A journal file does not say which seed and mode the mock ran with.
  const collector = createReportCollector(catalogues, { version: MOCK_VERSION, seed: null, mode: null });
  for (const entry of entries) collector.add(entry);
  return collector.build(query);
}

/** `returns-mock report`: resolves to the exit code (0 pass, 1 fail, 2 no report: usage, no mock, unreadable journal). */
export async function reportCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        'admin-token': { type: 'string' },
        journal: { type: 'string' },
        spec: { type: 'string', multiple: true },
        client: { type: 'string' },
        vendor: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'require-coverage': { type: 'string' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    console.log(REPORT_USAGE);
    return 0;
  }
  const format = values.format ?? 'json';
  if (!isReportFormat(format)) return usageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not '${format}'`);
  if (values.url !== undefined && values.journal !== undefined) return usageError('give --url or --journal, not both');
  const coverage = values['require-coverage'];
  if (coverage !== undefined && !(/^\d+(\.\d+)?$/.test(coverage) && Number(coverage) <= 100))
    return usageError(`--require-coverage must be a percentage from 0 to 100, not '${coverage}'`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !isFailOn(failOn)) return usageError(`--fail-on must be one of ${FAIL_ON_LEVELS.join(', ')}, not '${failOn}'`);
  const query: ReportQuery = { client: values.client, vendor: values.vendor, requireCoverage: coverage === undefined ? undefined : Number(coverage), failOn };
  let report: ContractReport;
  try {
    report =
      values.journal !== undefined
        ? await reportFromJournal(values.journal, values.spec ?? [], query)
        : await reportFromServer(values.url ?? env.RETURNS_MOCK_URL ?? 'http://127.0.0.1:4010', values['admin-token'] ?? env.RETURNS_MOCK_ADMIN_TOKEN, query);
  } catch (error) {
    // No report is no verdict: 2, so that CI can tell "the mock was not there" from "the client broke the contract".
    console.error(`returns-mock report: ${(error as Error).message}`);
    return 2;
  }
  const { body } = renderReport(report, format);
  if (values.out === undefined) process.stdout.write(body);
  else {
    try {
      writeFileSync(values.out, body);
    } catch (error) {
      console.error(`returns-mock report: cannot write ${values.out}: ${(error as Error).message}`);
      return 1;
    }
  }
  return report.verdict === 'fail' ? 1 : 0;
}
