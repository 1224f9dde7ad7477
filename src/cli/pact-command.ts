import { parseArgs } from 'node:util';
import { buildPacts } from '../contract/pact/index.js';
import { loadVendorSpecs } from './load-vendor-specs.js';
import { readJournalSource } from './read-journal-source.js';
import { writePactFiles } from './write-pact-files.js';

export const PACT_USAGE = `Usage: returns-mock pact --out DIR [options]

Writes Pact v4 consumer contracts from recorded traffic: one file per client and vendor
(DIR/<client>-<vendor>.json; consumer = the client's name, provider = the vendor's id), one interaction
per operation and status the client exercised without violations, the answer as recorded, values the
mock made up (ids, times, versions) matched by type or format. Exchanges with violations are left out.

Options:
  --out DIR           directory to write the pact files to (required)
  --url URL           the running mock's root (env RETURNS_MOCK_URL; default http://127.0.0.1:4010)
  --admin-token TOKEN the running mock's admin token, if it has one (env RETURNS_MOCK_ADMIN_TOKEN)
  --journal FILE      read this NDJSON journal instead (serve --journal FILE)
  --spec FILE         a further spec the journal's requests went to (as for serve; repeatable)
  --client NAME       only this client
  --vendor ID         only this vendor
  -h, --help          this text
`;

function usageError(message: string): number {
  console.error(`returns-mock pact: ${message}\nRun 'returns-mock help pact' for the options.`);
  return 2;
}

/** `returns-mock pact`: resolves to the exit code (0 written, 1 nothing to write or an error, 2 usage). */
export async function pactCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        url: { type: 'string' },
        'admin-token': { type: 'string' },
        journal: { type: 'string' },
        spec: { type: 'string', multiple: true },
        client: { type: 'string' },
        vendor: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    console.log(PACT_USAGE);
    return 0;
  }
  if (values.out === undefined) return usageError('--out DIR is required');
  if (values.url !== undefined && values.journal !== undefined) return usageError('give --url or --journal, not both');
  try {
    const source = await readJournalSource('pact', {
      url: values.url ?? env.RETURNS_MOCK_URL,
      journal: values.journal,
      adminToken: values['admin-token'] ?? env.RETURNS_MOCK_ADMIN_TOKEN,
    });
    const vendors = (await loadVendorSpecs(values.spec ?? [])).map(({ vendor, operations, catalogue }) => ({ vendor, operations, secretHeaders: catalogue.secretHeaders }));
    const exported = buildPacts(source.entries, vendors, { client: values.client, vendor: values.vendor, source: source.source });
    const files = writePactFiles(values.out, exported);
    for (const [index, file] of files.entries()) console.log(`returns-mock pact: wrote ${file} (${exported.pacts[index]!.pact.interactions.length} interactions)`);
    const { violations, unanswered, unmatched, truncated, unknownVendor } = exported.skipped;
    console.log(`returns-mock pact: left out ${violations} exchange(s) with violations`);
    if (unanswered > 0)
      console.log(`returns-mock pact: left out ${unanswered} exchange(s) without a recorded answer (injected faults, or a journal from before answers were recorded)`);
    if (unmatched > 0) console.log(`returns-mock pact: left out ${unmatched} request(s) that matched no operation`);
    if (truncated > 0) console.log(`returns-mock pact: left out ${truncated} exchange(s) whose body the journal cut`);
    if (unknownVendor > 0) console.log(`returns-mock pact: left out ${unknownVendor} exchange(s) to a vendor or operation no loaded spec has: give its spec with --spec FILE`);
    if (source.dropped > 0)
      console.error(
        `returns-mock pact: the mock's journal had already dropped ${source.dropped} older entries (--journal-limit, --journal-limit-bytes); use serve --journal FILE for every request`,
      );
    if (files.length === 0) {
      console.error('returns-mock pact: no exchange without violations to write a contract from');
      return 1;
    }
    return 0;
  } catch (error) {
    console.error(`returns-mock pact: ${(error as Error).message}`);
    return 1;
  }
}
