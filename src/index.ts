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
import { parseYamlCached } from './spec/parsed-spec-cache.js';
import { createStore, loadFixtures, type ResetScope, type SharedJournal, type Store } from './store/index.js';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from './core/package-root.js';
import { createGenericPlugin, vendorPlugins, type VendorId } from './vendors/index.js';
import { toProxyTargets } from './proxy/to-proxy-targets.js';
import { createSessionRecorder } from './record/create-session-recorder.js';
import { restoreRecorded } from './record/restore-recorded.js';
import { checkOptions, OptionsError } from './options/check-options.js';
import { parseSpecEntry } from './options/parse-spec-entry.js';

export { OptionsError } from './options/check-options.js';

export type { VendorId } from './vendors/index.js';
export type { Violation } from './core/violation.js';
export type { AuthMode } from './core/declared-credential.js';
export type { ScenarioRule } from './engine/scenario-rules.js';
export type { Scenario, Fault } from './core/scenario.js';
export type { ContractMode, Exchange } from './engine/create-vendor-engine.js';
export type {
  ContractReport,
  ExchangeOutcome,
  FailOn,
  JournalEntry,
  JournalFilter,
  JournalResponse,
  NearMiss,
  NearMissDifference,
  ReportFormat,
  ReportOptions,
  RequestPattern,
  UnmatchedRequest,
} from './contract/index.js';
export type { VerifyCount } from './contract/verify-requests.js';
export type { ResetScope } from './store/index.js';
export type { PactExport, PactFile, PactSkips } from './contract/pact/index.js';

export interface MockOptions {
  /** Bundled vendors to mount; default all four. */
  vendors?: VendorId[];
  /** Vendor plugins of your own, mounted beside the bundled ones exactly as they are (docs/adding-a-vendor.md). */
  plugins?: VendorPlugin[];
  /** Further OpenAPI files, mounted at `/<file base name>` or at `prefix` (`'/PREFIX=FILE'` or `{ file, prefix }`), with the generic behaviour. */
  spec?: Array<string | { file: string; prefix?: string }>;
  /** Seed for faked data; the same seed and requests give the same answers. */
  seed?: number;
  /** Largest request body in bytes (default 1 MiB). */
  maxBody?: number;
  /** Store file; without it (or with `inMemory`) nothing is kept on disk. */
  db?: string;
  /** Keep nothing on disk, even with `db`. */
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
  /** Most memory the in-memory journal may hold, in bytes (default 32 MiB, counted from above; the oldest entries go first). */
  journalLimitBytes?: number;
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
  /** How long an upstream may take to answer before the client gets a 504, in seconds (default 30). */
  proxyTimeout?: number;
  /** Forward requests that break the contract too (default: refused locally, as the vendor would). */
  proxyForwardInvalid?: boolean;
  /** Write what the upstreams answered to this folder: fixtures `--fixtures` reads, and `exchanges.ndjson`. */
  record?: string;
  /** @deprecated use `spec` */
  specs?: Array<{ file: string; prefix?: string }>;
  /** @deprecated use `maxBody` */
  maxBodyBytes?: number;
  /** @deprecated use `proxyTimeout` (seconds) */
  proxyTimeoutMs?: number;
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
  const prefixOf = (vendor: string) =>
    prefixOfCatalogue(
      contract.catalogues.find((catalogue) => catalogue.vendor === vendor),
      vendor,
    );
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
export const MOCK_VERSION: string = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

/** The fixtures shipped with the package (`fixtures/`), found from `src/` and from `dist/` alike. */
const BUNDLED_FIXTURES = packagePath('fixtures');

/** Deprecation warnings already given in this process: each old name is reported once. */
const warnedDeprecations = new Set<string>();

/**
 * The options checked against the one options schema (as the command line's are): throws an `OptionsError` listing
 * every bad option, with a "did you mean" for an unknown name; old names are renamed with a deprecation warning.
 */
function checkMockOptions(options: StartOptions, caller: 'createMock' | 'startMock'): StartOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new OptionsError(`${caller}: options must be an object`);
  // Code, not data: outside the JSON schema.
  const { plugins, onExchange, ...data } = options;
  const checked = checkOptions(data, { target: 'api', vendorIds: vendorPlugins.map((plugin) => plugin.id) });
  if (plugins !== undefined && !Array.isArray(plugins)) checked.problems.push('plugins must be a list of vendor plugins');
  if (onExchange !== undefined && typeof onExchange !== 'function') checked.problems.push('onExchange must be a function');
  if (checked.problems.length > 0) throw new OptionsError(`${caller}: ${checked.problems.join('\n')}`);
  for (const message of checked.deprecations) {
    if (warnedDeprecations.has(message)) continue;
    warnedDeprecations.add(message);
    process.emitWarning(`${caller}: ${message}`, 'DeprecationWarning');
  }
  return { ...(checked.values as StartOptions), plugins, onExchange };
}

/** Store files open in this process: a second mock on one of them is refused as one in another process is (store lock). */
const openStoreFiles = new Set<string>();

/** The store the options name: PostgreSQL, a file (only with `db`), else memory; its `close` frees the file for another mock. */
async function openStore(options: MockOptions): Promise<Store> {
  if (options.store !== undefined) return createStore({ postgres: options.store });
  if (options.db === undefined || options.inMemory === true) return createStore({ inMemory: true });
  const file = path.resolve(options.db);
  if (openStoreFiles.has(file)) throw new Error(`store file ${file} is already open by another mock in this process: close that mock first, or give each mock its own db`);
  openStoreFiles.add(file);
  let store: Store;
  try {
    store = await createStore({ file });
  } catch (error) {
    openStoreFiles.delete(file);
    throw error;
  }
  return {
    ...store,
    async close() {
      try {
        await store.close();
      } finally {
        openStoreFiles.delete(file);
      }
    },
  };
}

/** Loads the specs, compiles every validator and builds the Hono app, without listening. */
export async function createMock(options: MockOptions = {}): Promise<Mock> {
  return buildMock(checkMockOptions(options, 'createMock'));
}

/** `createMock` on checked options; a failure after the store opened closes it again. */
async function buildMock(options: MockOptions): Promise<Mock> {
  // Files named by the user first: a missing one is the error to report, even when the store is in use as well
  // (and a fixture directory with a typo would otherwise start the mock with no reference data).
  const missing = [
    ...(options.spec ?? [])
      .map((entry) => (typeof entry === 'string' ? parseSpecEntry(entry) : entry).file)
      .filter((file) => !existsSync(file))
      .map((file) => `${path.resolve(file)}: cannot read: no such spec file`),
    ...(options.fixtures !== undefined && !existsSync(options.fixtures) ? [`fixture directory ${options.fixtures} does not exist`] : []),
  ];
  if (missing.length > 0) throw new Error(missing.join('; '));
  const store = await openStore(options);
  try {
    return await assembleMock(options, store);
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function assembleMock(options: MockOptions, store: Store): Promise<Mock> {
  const wanted = options.vendors ?? vendorPlugins.map((plugin) => plugin.id as VendorId);
  const plugins: VendorPlugin[] = [
    ...vendorPlugins.filter((plugin) => wanted.includes(plugin.id as VendorId)),
    ...(options.plugins ?? []),
    ...(options.spec ?? []).map((entry) => (typeof entry === 'string' ? parseSpecEntry(entry) : entry)).map(({ file, prefix }) => createGenericPlugin(file, prefix)),
  ];
  const prefixes = new Set<string>();
  for (const plugin of plugins) {
    if (!/^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(plugin.prefix)) throw new Error(`invalid prefix '${plugin.prefix}' for ${plugin.specFile}: use /name`);
    if (prefixes.has(plugin.prefix)) throw new Error(`two specs are mounted at ${plugin.prefix}: give one another prefix with --spec /prefix=FILE`);
    prefixes.add(plugin.prefix);
  }
  const strayRule = (options.scenarios ?? []).find((rule) => rule.vendor !== undefined && !plugins.some((plugin) => plugin.id === rule.vendor));
  if (strayRule !== undefined) throw new Error(`a scenario rule names vendor '${strayRule.vendor}', which is not mounted; mounted: ${plugins.map((p) => p.id).join(', ')}`);
  const clock = options.clock === undefined ? undefined : new Date(options.clock);
  if (clock !== undefined && Number.isNaN(clock.getTime())) throw new Error(`clock '${options.clock}' is not an ISO date-time`);
  const fixtures = await loadFixtures(options.fixtures ?? BUNDLED_FIXTURES, parseYamlCached);
  await store.sharedFixtures?.adopt(fixtures);
  await restoreRecorded(store, plugins, fixtures);
  const proxies = toProxyTargets(
    {
      proxy: options.proxy,
      proxyTimeoutMs: options.proxyTimeout === undefined ? undefined : Math.round(options.proxyTimeout * 1000),
      proxyForwardInvalid: options.proxyForwardInvalid,
    },
    plugins.map((plugin) => plugin.id),
  );
  const engines = await Promise.all(
    plugins.map(async (plugin) =>
      createVendorEngine({
        plugin,
        store,
        fixtures,
        strictFixtures: options.strictFixtures,
        authMode: options.auth,
        scenarioRules: options.scenarios,
        mode: options.mode,
        spec: await loadSpec(plugin.specFile),
        seed: options.seed,
        clock,
        proxy: proxies[plugin.id],
      }),
    ),
  );
  const unmatchedRule = (options.scenarios ?? []).find(
    (rule) =>
      rule.vendor === undefined &&
      rule.operation !== undefined &&
      !engines.some((engine) => engine.operations.some((compiled) => compiled.operation.operationId === rule.operation)),
  );
  if (unmatchedRule !== undefined)
    throw new Error(`a scenario rule names operation '${unmatchedRule.operation}', which no mounted vendor has; mounted: ${plugins.map((p) => p.id).join(', ')}`);
  const shared = store.sharedJournal;
  const catalogues = engines.map((engine) => buildVendorCatalogue(engine.plugin, engine.spec.index, { prefix: engine.plugin.prefix, specFile: engine.plugin.specFile }));
  const sessionRecorder = options.record === undefined ? undefined : createSessionRecorder(options.record, plugins, catalogues);
  const recorder = createContractRecorder({
    catalogues,
    journalLimit: options.journalLimit,
    journalLimitBytes: options.journalLimitBytes,
    sink: options.journal === undefined || shared !== undefined ? undefined : journalFileSink(options.journal),
    run: { version: MOCK_VERSION, seed: options.seed ?? 1, mode: options.mode ?? 'strict' },
    secrets: options.adminToken === undefined ? [] : [options.adminToken],
  });
  const contract =
    shared === undefined
      ? { recorder, syncJournal: () => Promise.resolve(), written: () => undefined }
      : shareContract(recorder, shared, options.journal === undefined ? undefined : journalFileSink(options.journal));
  const app = createApp({
    engines,
    maxBodyBytes: options.maxBody ?? DEFAULT_MAX_BODY_BYTES,
    onExchange: (exchange, delivery) => {
      const entry = contract.recorder.record(exchange, delivery);
      const written = contract.written();
      sessionRecorder?.record(exchange, entry);
      options.onExchange?.(exchange, entry);
      return written;
    },
    onUnrouted: (request) => contract.recorder.recordUnrouted(request),
    admin: {
      store,
      fixtures,
      vendors: engines.map((engine) => engine.plugin.id),
      contract: contract.recorder,
      requireCoverage: options.requireCoverage,
      failOn: options.failOn,
      reseed: () => engines.forEach((engine) => engine.reseed()),
    },
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
      const pactVendors = engines.map((engine) => ({
        vendor: engine.plugin.id,
        operations: engine.operations.map((compiled) => compiled.operation),
        secretHeaders: contract.recorder.catalogues.find((c) => c.vendor === engine.plugin.id)?.secretHeaders ?? [],
      }));
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
  headersTimeout?: number;
  /** Milliseconds a client may take to send a whole request, body included (default 30,000; at least `headersTimeout`). */
  requestTimeout?: number;
  /** Milliseconds an idle keep-alive connection stays open (default 5,000). */
  keepAliveTimeout?: number;
  /** @deprecated use `headersTimeout` */
  headersTimeoutMs?: number;
  /** @deprecated use `requestTimeout` */
  requestTimeoutMs?: number;
  /** @deprecated use `keepAliveTimeout` */
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
export async function startMock(given: StartOptions = {}): Promise<RunningMock> {
  const options = checkMockOptions(given, 'startMock');
  const host = options.host ?? '127.0.0.1';
  // Off loopback anyone on the network could reset or read the state: the admin API then needs a token.
  if (!isLoopbackHost(host) && options.adminToken === undefined)
    throw new Error(`host ${host} is reachable from other machines: set an admin token (--admin-token) to protect /__admin`);
  const timeouts = {
    headersMs: options.headersTimeout ?? DEFAULT_TIMEOUTS.headersMs,
    requestMs: options.requestTimeout ?? DEFAULT_TIMEOUTS.requestMs,
    keepAliveMs: options.keepAliveTimeout ?? DEFAULT_TIMEOUTS.keepAliveMs,
  };
  if (timeouts.headersMs > timeouts.requestMs)
    throw new OptionsError(
      `the headers timeout (${timeouts.headersMs} ms, --headers-timeout) must not be longer than the request timeout (${timeouts.requestMs} ms, --request-timeout)`,
    );
  const mock = await buildMock(options);
  let server;
  try {
    server = await listen(mock.app, options.port ?? 0, host, createClientErrorRenderer(mock.engines), timeouts);
  } catch (error) {
    await mock.store.close();
    throw error;
  }
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
