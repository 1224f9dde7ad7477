import type { Hono } from 'hono';
import type { AuthMode } from './core/declared-credential.js';
import type { ScenarioRule } from './engine/scenario-rules.js';
import type { VendorPlugin } from './core/vendor-plugin.js';
import { createVendorEngine, type ContractMode, type Exchange, type VendorEngine } from './engine/create-vendor-engine.js';
import { AssertionError } from 'node:assert';
import {
  buildVendorCatalogue,
  compilePattern,
  createContractRecorder,
  fullPathOf,
  matchesPattern,
  prefixOfCatalogue,
  isFailOn,
  renderReport,
  toNearMissTargets,
  type RequestPattern,
  type UnmatchedRequest,
  type ContractRecorder,
  type ContractReport,
  type FailOn,
  type JournalEntry,
  type JournalFilter,
  type ReportFormat,
  type ReportOptions,
} from './contract/index.js';
import { checkVerifyCount, explainVerification, type VerifyCount } from './contract/verify-requests.js';
import { buildPacts, type PactExport } from './contract/pact/index.js';
import { writePactFiles } from './cli/write-pact-files.js';
import { createApp, DEFAULT_MAX_BODY_BYTES } from './http/create-app.js';
import { DEFAULT_TIMEOUTS, listen } from './http/listen.js';
import { isLoopbackHost } from './http/admin-guard.js';
import { createClientErrorRenderer } from './http/render-client-error.js';
import { loadSpec } from './spec/load-spec.js';
import { createStore, loadFixtures, type ResetScope, type SharedJournal, type Store } from './store/index.js';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenericPlugin, vendorPlugins, type VendorId } from './vendors/index.js';
import { toProxyTargets } from './proxy/to-proxy-targets.js';
import { createSessionRecorder } from './record/create-session-recorder.js';
import { restoreRecorded } from './record/restore-recorded.js';

export type { VendorId } from './vendors/index.js';
export type { Violation } from './core/violation.js';
export type { AuthMode } from './core/declared-credential.js';
export type { ScenarioRule } from './engine/scenario-rules.js';
export type { Scenario, Fault } from './core/scenario.js';
export type { ContractMode, Exchange } from './engine/create-vendor-engine.js';
export type { ContractReport, ExchangeOutcome, FailOn, JournalEntry, JournalFilter, JournalResponse, NearMiss, NearMissDifference, ReportFormat, ReportOptions, RequestPattern, UnmatchedRequest } from './contract/index.js';
export type { VerifyCount } from './contract/verify-requests.js';
export type { ResetScope } from './store/index.js';
export type { PactExport, PactFile, PactSkips } from './contract/pact/index.js';

export interface MockOptions {
  /** Bundled vendors to mount; default all four. */
  vendors?: VendorId[];
  /** Vendor plugins of your own, mounted beside the bundled ones exactly as they are (docs/adding-a-vendor.md). */
  plugins?: VendorPlugin[];
  /** Further OpenAPI files, mounted at `/<file base name>` or at `prefix`, with the generic behaviour. */
  specs?: Array<{ file: string; prefix?: string }>;
  /** Seed for faked data; the same seed and requests give the same answers. */
  seed?: number;
  /** Largest request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Store file (default `.data/returns-mock.json`); ignored with `inMemory`. */
  db?: string;
  /** Keep nothing on disk. */
  inMemory?: boolean;
  /**
   * A PostgreSQL database shared by several replicas (`postgres://USER:PASSWORD@HOST:PORT/DB`); wins over `db` and
   * `inMemory`. Its schema `returns_mock` is created and migrated at start.
   */
  store?: string;
  /** Pin the current time (ISO date-time) for reproducible answers. */
  clock?: string;
  /** Fixture directory (default the bundled `fixtures/`): `<dir>/<vendor>/*.yaml|json`. */
  fixtures?: string;
  /** Refuse orders, shops and companies the fixtures lack instead of fabricating them. */
  strictFixtures?: boolean;
  /** `strict` refuses (401) credentials the fixtures' `credentials` do not declare; default `open`: any well-formed credential, full rights. */
  auth?: AuthMode;
  /** Failures, delays and forced statuses injected by rule, per vendor and operation (drawn from `seed`). */
  scenarios?: ScenarioRule[];
  /** Called with every answered exchange and its journal entry, whose request and violations have their secrets masked (logging, tests). */
  onExchange?: (exchange: Exchange, entry: JournalEntry) => void;
  /** `strict` (default) refuses a request that breaks the contract; `lenient` serves it from the spec with an `x-mock-violations` header. */
  mode?: ContractMode;
  /** Also append every journal entry to this NDJSON file. */
  journal?: string;
  /** Most journal entries kept in memory (default 1000); the report counts every request regardless. */
  journalLimit?: number;
  /** Token every `/__admin` request must present (Bearer, `x-admin-token` or `?token=`); required when `host` is not loopback. */
  adminToken?: string;
  /** Default coverage (percent of the offered operations) a report requires for `pass`; `/__admin/report?requireCoverage=` overrides it. */
  requireCoverage?: number;
  /**
   * The lowest finding level that fails a report's verdict: `violation` (default), `risk` (violations and risks) or
   * `notice` (all three); `/__admin/report?failOn=` overrides it. Usage findings (`Prefer`) never count.
   */
  failOn?: FailOn;
  /** Proxy mode per vendor: forward its valid requests to this base URL and judge the answers, e.g. `{ emporix: 'https://sandbox…' }`. */
  proxy?: Partial<Record<string, string>>;
  /** How long an upstream may take to answer before the client gets a 504, in milliseconds (default 30000). */
  proxyTimeoutMs?: number;
  /** Forward requests that break the contract too (default: refused locally, as the vendor would). */
  proxyForwardInvalid?: boolean;
  /** Write what the upstreams answered to this folder: fixtures `--fixtures` reads, and `exchanges.ndjson`. */
  record?: string;
}

/** What `report` builds: one client's or vendor's part (default all), in a format (default the report object). */
export interface MockReportOptions extends ReportOptions {
  format?: ReportFormat;
}

export interface Mock {
  app: Hono;
  engines: VendorEngine[];
  store: Store;
  /** The journal and report collector fed with every exchange. */
  contract: ContractRecorder;
  /** Forgets stored data: one vendor's or tenant's, or (without a scope) everything, journal and report counts included, and restarts the seeded draws. */
  reset(scope?: ResetScope): Promise<void>;
  /** The journal entries kept (newest last), filtered like `GET /__admin/journal`. */
  journal(filter?: JournalFilter): JournalEntry[];
  /** The contract report so far: the report object, or with `format` its text (`json`, `junit`, `md`, `html`). */
  report(options?: ReportOptions & { format?: undefined }): ContractReport;
  report(options: ReportOptions & { format: ReportFormat }): string;
  /** The journalled requests matching a pattern (as `POST /__admin/requests/find`), oldest first; a bad pattern throws a TypeError naming the field. */
  requests(pattern?: RequestPattern): JournalEntry[];
  /** How many journalled requests match a pattern (as `POST /__admin/requests/count`). */
  count(pattern?: RequestPattern): number;
  /**
   * Asserts how many journalled requests match a pattern (default: at least one); throws node's `AssertionError`
   * listing what matched and the near misses of the requests that matched no operation.
   * @example mock.verify({ vendor: 'emporix', operationId: 'createReturn' }, { times: 1 })
   */
  verify(pattern: RequestPattern, count?: VerifyCount): void;
  /** The requests that matched no operation, with their near misses (as `GET /__admin/requests/unmatched`). */
  unmatched(): UnmatchedRequest[];
  /** Pact v4 contracts from the journal kept (one per client × vendor); with `out`, also written there as `<client>-<vendor>.json`. */
  pact(options?: MockPactOptions): PactExport & { files: string[] };
}

export interface MockPactOptions {
  client?: string;
  vendor?: string;
  /** Directory to write the pact files to. */
  out?: string;
}

/** `Mock.requests`, `count` and `verify` over a recorder's journal. */
function verificationOf(contract: ContractRecorder): Pick<Mock, 'requests' | 'count' | 'verify' | 'unmatched'> {
  const prefixOf = (vendor: string) => prefixOfCatalogue(contract.catalogues.find((catalogue) => catalogue.vendor === vendor), vendor);
  const requests = (pattern: RequestPattern = {}) => {
    const checked = compilePattern(pattern);
    if ('problem' in checked) throw new TypeError(`request pattern${checked.problem.field === '' ? '' : ` field '${checked.problem.field}'`}: ${checked.problem.message}`);
    return contract.journal.list().filter((entry) => matchesPattern(entry, checked.compiled, prefixOf));
  };
  return {
    requests,
    count: (pattern) => requests(pattern).length,
    unmatched: () => contract.unmatched(),
    verify(pattern, count = {}) {
      checkVerifyCount(count);
      const matched = requests(pattern);
      const message = explainVerification({
        pattern,
        count,
        matched,
        unmatched: contract.unmatched(),
        targets: toNearMissTargets(contract.catalogues),
        fullPathOf: (entry) => fullPathOf(entry, prefixOf),
        dropped: contract.journal.dropped(),
      });
      if (message !== undefined) throw new AssertionError({ message, actual: matched.length, expected: count.times ?? count.atLeast ?? count.atMost ?? 1, operator: 'verify' });
    },
  };
}

/** `Mock.report`: the collector's report with the mock's default coverage requirement, rendered when a format is asked for. */
function reportOf(contract: ContractRecorder, defaults: Pick<ReportOptions, 'requireCoverage' | 'failOn' | 'specBaseUrl'>): Mock['report'] {
  function report(options?: ReportOptions & { format?: undefined }): ContractReport;
  function report(options: ReportOptions & { format: ReportFormat }): string;
  function report({ format, ...options }: MockReportOptions = {}): ContractReport | string {
    const built = contract.collector.build({ ...defaults, ...options });
    return format === undefined ? built : renderReport(built, format).body;
  }
  return report;
}

/** Appends journal entries to an NDJSON file, synchronously so that a killed run leaves every answered request on disk. */
function journalFileSink(file: string): (entry: JournalEntry) => void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Fails start-up, not the first request, when the file cannot be written.
  appendFileSync(file, '');
  return (entry) => appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/**
 * The recorder of a replica sharing its journal: its own exchanges go to the shared journal (and the NDJSON file), and
 * the journal and report it serves are what `syncJournal` read back from there, every replica's, numbered by their
 * shared position. `syncJournal` runs before each admin request, one at a time. `written` is the shared write of the
 * entry last recorded and the read back after it: the answer waits for both, so a count on any replica right after the
 * answer includes it, and so does this replica's `journal()`.
 */
function shareContract(recorder: ContractRecorder, shared: SharedJournal, sink: ((entry: JournalEntry) => void) | undefined) {
  let position = 0;
  let written: Promise<void> = Promise.resolve();
  let syncing: Promise<void> = Promise.resolve();
  const readNew = async () => {
    for (const row of await shared.read(position)) {
      if (row.position <= position) continue;
      position = row.position;
      if (row.entry === null) await recorder.clear();
      else recorder.ingest({ ...(row.entry as JournalEntry), seq: row.position });
    }
  };
  const syncJournal = () => (syncing = syncing.then(readNew, readNew));
  const shareable: ContractRecorder = {
    ...recorder,
    record(exchange, delivery) {
      const entry = recorder.describe(exchange, delivery);
      // A failed write stays queued in the shared journal for the next one; the answer itself was decided and goes out.
      // Read back after the write, so this replica's own journal (`mock.journal()`) holds the entry once the answer is out.
      written = shared
        .append(entry)
        .catch(() => undefined)
        .then(syncJournal);
      sink?.(entry);
      return entry;
    },
    async clear() {
      await shared.clear();
      await syncJournal();
    },
  };
  return { recorder: shareable, syncJournal, written: () => written };
}
/** returns-mock's version, from its package.json (one level above `src/` and `dist/` alike): stated in every report. */
export const MOCK_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The fixtures shipped with the package (`fixtures/`), found from `src/` and from `dist/` alike. */
const BUNDLED_FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Where the store lives unless `db` or `inMemory` says otherwise. */
export const DEFAULT_DB_FILE = '.data/returns-mock.json';

/** Loads the specs, compiles every validator and builds the Hono app, without listening. */
export async function createMock(options: MockOptions = {}): Promise<Mock> {
  const wanted = options.vendors ?? vendorPlugins.map((plugin) => plugin.id as VendorId);
  const plugins: VendorPlugin[] = [
    ...vendorPlugins.filter((plugin) => wanted.includes(plugin.id as VendorId)),
    ...(options.plugins ?? []),
    ...(options.specs ?? []).map(({ file, prefix }) => createGenericPlugin(file, prefix)),
  ];
  const prefixes = new Set<string>();
  for (const plugin of plugins) {
    if (!/^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(plugin.prefix)) throw new Error(`invalid prefix '${plugin.prefix}' for ${plugin.specFile}: use /name`);
    if (prefixes.has(plugin.prefix)) throw new Error(`two specs are mounted at ${plugin.prefix}: give one another prefix with --spec /prefix=FILE`);
    prefixes.add(plugin.prefix);
  }
  if (options.mode !== undefined && options.mode !== 'strict' && options.mode !== 'lenient') throw new Error(`mode must be 'strict' or 'lenient', not '${String(options.mode)}'`);
  if (options.adminToken !== undefined && options.adminToken.length < 8) throw new Error('the admin token must have at least 8 characters');
  if (options.auth !== undefined && options.auth !== 'open' && options.auth !== 'strict') throw new Error(`auth must be 'open' or 'strict', not '${String(options.auth)}'`);
  if (options.failOn !== undefined && !isFailOn(options.failOn)) throw new Error(`failOn must be 'violation', 'risk' or 'notice', not '${String(options.failOn)}'`);
  const strayRule = (options.scenarios ?? []).find((rule) => rule.vendor !== undefined && !plugins.some((plugin) => plugin.id === rule.vendor));
  if (strayRule !== undefined) throw new Error(`a scenario rule names vendor '${strayRule.vendor}', which is not mounted; mounted: ${plugins.map((p) => p.id).join(', ')}`);
  const clock = options.clock === undefined ? undefined : new Date(options.clock);
  if (clock !== undefined && Number.isNaN(clock.getTime())) throw new Error(`clock '${options.clock}' is not an ISO date-time`);
  if (options.store !== undefined && !/^postgres(ql)?:\/\//.test(options.store)) throw new Error(`store must be a postgres:// URL (several replicas) or unset (--db FILE, --in-memory), not '${options.store.replace(/\/\/[^@/]*@/, '//***@')}'`);
  const store = await createStore(options.store !== undefined ? { postgres: options.store } : options.inMemory ? { inMemory: true } : { file: options.db ?? DEFAULT_DB_FILE });
  // A fixture directory the user names must exist: a typo would otherwise start the mock with no reference data.
  if (options.fixtures !== undefined && !existsSync(options.fixtures)) throw new Error(`fixture directory ${options.fixtures} does not exist`);
  const fixtures = await loadFixtures(options.fixtures ?? BUNDLED_FIXTURES);
  await store.sharedFixtures?.adopt(fixtures);
  await restoreRecorded(store, plugins, fixtures);
  const proxies = toProxyTargets(options, plugins.map((plugin) => plugin.id));
  const engines = await Promise.all(
    plugins.map(async (plugin) =>
      createVendorEngine({ plugin, store, fixtures, strictFixtures: options.strictFixtures, authMode: options.auth, scenarioRules: options.scenarios, mode: options.mode, spec: await loadSpec(plugin.specFile), seed: options.seed, clock, proxy: proxies[plugin.id] }),
    ),
  );
  const unmatchedRule = (options.scenarios ?? []).find((rule) => rule.vendor === undefined && rule.operation !== undefined && !engines.some((engine) => engine.operations.some((compiled) => compiled.operation.operationId === rule.operation)));
  if (unmatchedRule !== undefined) throw new Error(`a scenario rule names operation '${unmatchedRule.operation}', which no mounted vendor has; mounted: ${plugins.map((p) => p.id).join(', ')}`);
  const shared = store.sharedJournal;
  const catalogues = engines.map((engine) => buildVendorCatalogue(engine.plugin, engine.spec.index, { prefix: engine.plugin.prefix, specFile: engine.plugin.specFile }));
  const sessionRecorder = options.record === undefined ? undefined : createSessionRecorder(options.record, plugins, catalogues);
  const recorder = createContractRecorder({
    catalogues,
    journalLimit: options.journalLimit,
    sink: options.journal === undefined || shared !== undefined ? undefined : journalFileSink(options.journal),
    run: { version: MOCK_VERSION, seed: options.seed ?? 1, mode: options.mode ?? 'strict' },
    secrets: options.adminToken === undefined ? [] : [options.adminToken],
  });
  const contract = shared === undefined ? { recorder, syncJournal: () => Promise.resolve(), written: () => undefined } : shareContract(recorder, shared, options.journal === undefined ? undefined : journalFileSink(options.journal));
  const app = createApp({
    engines,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onExchange: (exchange, delivery) => {
      const entry = contract.recorder.record(exchange, delivery);
      const written = contract.written();
      sessionRecorder?.record(exchange, entry);
      options.onExchange?.(exchange, entry);
      return written;
    },
    onUnrouted: (request) => contract.recorder.recordUnrouted(request),
    admin: { store, fixtures, vendors: engines.map((engine) => engine.plugin.id), contract: contract.recorder, requireCoverage: options.requireCoverage, failOn: options.failOn, reseed: () => engines.forEach((engine) => engine.reseed()) },
    adminToken: options.adminToken,
    refresh: async (scope) => {
      await store.refresh();
      if (scope === 'admin') await contract.syncJournal();
    },
  });
  return {
    app,
    engines,
    store,
    contract: contract.recorder,
    async reset(scope) {
      await store.reset(scope);
      if (scope?.vendor === undefined) {
        await contract.recorder.clear();
        for (const engine of engines) engine.reseed();
      }
    },
    journal: (filter) => contract.recorder.journal.list(filter),
    report: reportOf(contract.recorder, { requireCoverage: options.requireCoverage, failOn: options.failOn }),
    ...verificationOf(contract.recorder),
    pact({ client, vendor, out } = {}) {
      const pactVendors = engines.map((engine) => ({ vendor: engine.plugin.id, operations: engine.operations.map((compiled) => compiled.operation), secretHeaders: contract.recorder.catalogues.find((c) => c.vendor === engine.plugin.id)?.secretHeaders ?? [] }));
      const exported = buildPacts(contract.recorder.journal.list(), pactVendors, { client, vendor, source: 'returns-mock journal (in process)' });
      return { ...exported, files: out === undefined ? [] : writePactFiles(out, exported) };
    },
  };
}

export interface StartOptions extends MockOptions {
  /** Port to listen on; 0 (the default here) picks a free one. */
  port?: number;
  host?: string;
  /** Milliseconds a client may take to send a request's head (default 10,000); slower is answered 408 and closed. */
  headersTimeoutMs?: number;
  /** Milliseconds a client may take to send a whole request, body included (default 30,000; at least `headersTimeoutMs`). */
  requestTimeoutMs?: number;
  /** Milliseconds an idle keep-alive connection stays open (default 5,000). */
  keepAliveTimeoutMs?: number;
}

export interface RunningMock extends Mock {
  /** Server root, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** A vendor's base URL including its prefix, e.g. `http://127.0.0.1:4010/emporix`. */
  urlFor(vendor: string): string;
  close(): Promise<void>;
}

/** Starts the mock in this process: for test runners (vitest, jest, node:test) and the CLI. */
export async function startMock(options: StartOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  // Off loopback anyone on the network could reset or read the state: the admin API then needs a token.
  if (!isLoopbackHost(host) && options.adminToken === undefined) throw new Error(`host ${host} is reachable from other machines: set an admin token (--admin-token) to protect /__admin`);
  const timeouts = {
    headersMs: options.headersTimeoutMs ?? DEFAULT_TIMEOUTS.headersMs,
    requestMs: options.requestTimeoutMs ?? DEFAULT_TIMEOUTS.requestMs,
    keepAliveMs: options.keepAliveTimeoutMs ?? DEFAULT_TIMEOUTS.keepAliveMs,
  };
  for (const [name, value] of Object.entries(timeouts)) if (!Number.isInteger(value) || value < 1) throw new Error(`the ${name} timeout must be a whole number of milliseconds of at least 1, not ${String(value)}`);
  if (timeouts.headersMs > timeouts.requestMs) throw new Error(`the headers timeout (${timeouts.headersMs} ms, --headers-timeout) must not be longer than the request timeout (${timeouts.requestMs} ms, --request-timeout)`);
  const mock = await createMock(options);
  const server = await listen(mock.app, options.port ?? 0, host, createClientErrorRenderer(mock.engines), timeouts);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${server.port}`;
  return {
    ...mock,
    url,
    // A running mock serves its specs: the report links to them there.
    report: reportOf(mock.contract, { requireCoverage: options.requireCoverage, failOn: options.failOn, specBaseUrl: url }),
    urlFor(vendor) {
      const engine = mock.engines.find((e) => e.plugin.id === vendor);
      if (engine === undefined) throw new Error(`vendor '${vendor}' is not mounted; mounted: ${mock.engines.map((e) => e.plugin.id).join(', ')}`);
      return `${url}${engine.plugin.prefix}`;
    },
    async close() {
      await server.close();
      await mock.store.close();
    },
  };
}
