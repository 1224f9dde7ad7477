import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../contract/index.js';
import { checkDrift, renderDrift, type DriftSpecs } from '../contract/drift/index.js';
import { loadSpec } from '../spec/load-spec.js';
import { vendorPlugins } from '../vendors/index.js';
import { readJournalSource } from './read-journal-source.js';

export const DRIFT_USAGE = `Usage: returns-mock drift --spec VENDOR=NEW.yaml (--journal FILE | --url URL) [options]

Re-validates recorded traffic against a new version of a vendor's spec, without state: which recorded
requests the new version would refuse (rule and field), which fields of the recorded answers it no longer
documents, which used operations it removed or renamed, which required fields it adds; with a structural
diff of the two versions (breaking, non-breaking). Exits 1 when anything the traffic used would break.

Options:
  --spec VENDOR=FILE  the new version of VENDOR's spec (repeatable; VENDOR: ${vendorPlugins.map((p) => p.id).join(', ')},
                      or any id with --old)
  --old VENDOR=FILE   the version the traffic was recorded against (default: the bundled spec)
  --journal FILE      the recorded traffic: an NDJSON journal (serve --journal FILE)
  --url URL           or a running mock's journal (env RETURNS_MOCK_URL)
  --admin-token TOKEN the running mock's admin token, if it has one (env RETURNS_MOCK_ADMIN_TOKEN)
  --format F          ${REPORT_FORMATS.join(', ')} (default md)
  --out FILE          write it here (default: standard output)
  --report-dir DIR    also write all four formats: DIR/drift.json, drift.xml, drift.md, drift.html
  -h, --help          this text
`;

const DRIFT_FILE_NAMES: Record<ReportFormat, string> = { json: 'drift.json', junit: 'drift.xml', md: 'drift.md', html: 'drift.html' };

function usageError(message: string): number {
  console.error(`returns-mock drift: ${message}\nRun 'returns-mock help drift' for the options.`);
  return 2;
}

/** `VENDOR=FILE` pairs by vendor, or the message saying which entry is malformed or repeated. */
function parsePairs(flag: string, entries: readonly string[]): Map<string, string> | string {
  const pairs = new Map<string, string>();
  for (const entry of entries) {
    const match = /^([A-Za-z0-9._-]+)=(.+)$/.exec(entry);
    if (match === null) return `${flag} must be VENDOR=FILE, not '${entry}'`;
    if (pairs.has(match[1]!)) return `${flag} names vendor '${match[1]}' twice`;
    pairs.set(match[1]!, match[2]!);
  }
  return pairs;
}

/** `returns-mock drift`: resolves to the exit code (0 nothing breaks, 1 something breaks or an error, 2 usage). */
export async function driftCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        spec: { type: 'string', multiple: true },
        old: { type: 'string', multiple: true },
        journal: { type: 'string' },
        url: { type: 'string' },
        'admin-token': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'report-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    console.log(DRIFT_USAGE);
    return 0;
  }
  const format = values.format ?? 'md';
  if (!isReportFormat(format)) return usageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not '${format}'`);
  if (values.url !== undefined && values.journal !== undefined) return usageError('give --url or --journal, not both');
  const newSpecs = parsePairs('--spec', values.spec ?? []);
  const oldSpecs = parsePairs('--old', values.old ?? []);
  if (typeof newSpecs === 'string') return usageError(newSpecs);
  if (typeof oldSpecs === 'string') return usageError(oldSpecs);
  if (newSpecs.size === 0) return usageError('--spec VENDOR=NEW.yaml is required');
  for (const vendor of newSpecs.keys()) {
    if (!oldSpecs.has(vendor) && !vendorPlugins.some((plugin) => plugin.id === vendor))
      return usageError(`'${vendor}' is no bundled vendor: give the spec its traffic was recorded against with --old ${vendor}=FILE`);
  }
  for (const vendor of oldSpecs.keys()) if (!newSpecs.has(vendor)) return usageError(`--old names '${vendor}', which no --spec names`);
  try {
    const source = await readJournalSource('drift', {
      url: values.url ?? env.RETURNS_MOCK_URL,
      journal: values.journal,
      adminToken: values['admin-token'] ?? env.RETURNS_MOCK_ADMIN_TOKEN,
    });
    const pairs: DriftSpecs[] = await Promise.all(
      [...newSpecs].map(async ([vendor, file]) => ({
        vendor,
        oldSpec: await loadSpec(oldSpecs.get(vendor) ?? vendorPlugins.find((plugin) => plugin.id === vendor)!.specFile),
        newSpec: await loadSpec(file),
      })),
    );
    const report = checkDrift(source.entries, pairs, { source: source.source });
    if (source.dropped > 0)
      console.error(`returns-mock drift: the mock's journal had already dropped ${source.dropped} older entries (--journal-limit); use serve --journal FILE for every request`);
    if (values['report-dir'] !== undefined) {
      mkdirSync(values['report-dir'], { recursive: true });
      for (const each of REPORT_FORMATS) writeFileSync(path.join(values['report-dir'], DRIFT_FILE_NAMES[each]), renderDrift(report, each).body);
    }
    const { body } = renderDrift(report, format);
    if (values.out === undefined) process.stdout.write(body);
    else writeFileSync(values.out, body);
    const { summary } = report;
    console.error(
      `returns-mock drift: ${report.verdict}: ${summary.requests} requests re-validated, ${summary.refused} would be refused, ${summary.driftedAnswers} answers no longer fit, ${summary.operationsGone} used operations gone, ${summary.newRequiredFields} new required fields`,
    );
    return report.verdict === 'breaks' ? 1 : 0;
  } catch (error) {
    console.error(`returns-mock drift: ${(error as Error).message}`);
    return 1;
  }
}
