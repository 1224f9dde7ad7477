import { FAULTS } from '../core/scenario.js';

/** A JSON Schema fragment as the options schema is written (draft 2020-12 subset ajv checks). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Where an option is taken: everywhere (`api`: `startMock`/`createMock`), or only by the command line and its config file. */
export type OptionScope = 'api' | 'cli';

/** An older name of an option, accepted with a deprecation warning for one release. */
export interface OptionAlias {
  /** Old config-file key and `startMock` option name. */
  name: string;
  /** Old command-line flag (without dashes), if it differed; its environment variable is derived from it. */
  flag?: string;
  /** The old name's value in the new unit (e.g. milliseconds to seconds). */
  convert?: (value: number) => number;
}

/** One setting, under one name everywhere: config file key and `startMock` option `name`, flag `--<flag>`, variables `env`. */
export interface OptionSpec {
  name: string;
  flag: string;
  /** Environment variables, first set wins. */
  env: readonly string[];
  schema: JsonSchema;
  /** How the command line reads it: a flag without value, a list (repeatable, comma-separated), `KEY=VALUE` entries, or one value. */
  reads: 'boolean' | 'list' | 'pairs' | 'value';
  /** Placeholder of its value in the help text, e.g. `N`; none for a flag without value. */
  arg?: string;
  /** Help text, one line per entry. */
  help: readonly string[];
  /** What a valid value is, for messages, when the schema alone does not say it well. */
  expects?: string;
  scope: OptionScope;
  /** The one command that takes it (default: `serve` and `test` alike). */
  command?: 'test';
  /** A path, which in a config file is relative to that file. */
  isPath?: boolean;
  aliases?: readonly OptionAlias[];
}

const envOf = (flag: string) => `RETURNS_MOCK_${flag.toUpperCase().replaceAll('-', '_')}`;
const integer = (minimum: number, maximum: number): JsonSchema => ({ type: 'integer', minimum, maximum });
const MS = integer(1, 3_600_000);

type Entry = Omit<OptionSpec, 'env' | 'scope'> & { env?: readonly string[]; scope?: OptionScope };
const option = ({ env = [], scope = 'api', ...entry }: Entry): OptionSpec => ({ ...entry, env: [envOf(entry.flag), ...env], scope });

/**
 * Every setting of `serve`, `test`, the config file and `startMock`, in the order the help text lists them.
 * `vendors`' allowed ids are filled in by {@link buildOptionsSchema}'s caller, which knows the bundled vendors.
 */
export const OPTION_TABLE: readonly OptionSpec[] = [
  option({
    name: 'port',
    flag: 'port',
    env: ['PORT'],
    schema: integer(0, 65535),
    reads: 'value',
    arg: 'N',
    help: ['port to listen on (env PORT too; default 4010, startMock 0; 0 = any free port)'],
  }),
  option({
    name: 'host',
    flag: 'host',
    env: ['HOST'],
    schema: { type: 'string', minLength: 1 },
    reads: 'value',
    arg: 'HOST',
    help: ['interface to bind (env HOST too; default 127.0.0.1)'],
  }),
  option({
    name: 'vendors',
    flag: 'vendors',
    schema: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    reads: 'list',
    arg: 'ID,…',
    help: ['mount only these bundled vendors (repeatable; default all): VENDORS'],
    aliases: [{ name: 'vendor', flag: 'vendor' }],
  }),
  option({
    name: 'spec',
    flag: 'spec',
    schema: {
      type: 'array',
      items: {
        anyOf: [
          { type: 'string', minLength: 1 },
          { type: 'object', properties: { file: { type: 'string', minLength: 1 }, prefix: { type: 'string' } }, required: ['file'], additionalProperties: false },
        ],
      },
    },
    expects: "a list of OpenAPI files ('FILE', '/PREFIX=FILE' or { file, prefix })",
    reads: 'list',
    arg: 'FILE',
    help: ['mount another OpenAPI 3.0/3.1 file at /<file base name> (repeatable);', '--spec /PREFIX=FILE mounts it at /PREFIX'],
    aliases: [{ name: 'specs' }],
  }),
  option({ name: 'seed', flag: 'seed', schema: integer(0, 2 ** 31 - 1), reads: 'value', arg: 'N', help: ['seed for faked data (default 1)'] }),
  option({
    name: 'maxBody',
    flag: 'max-body',
    schema: integer(1, 1024 ** 3),
    reads: 'value',
    arg: 'BYTES',
    help: ['largest request body in bytes (default 1048576)'],
    aliases: [{ name: 'maxBodyBytes' }],
  }),
  option({
    name: 'db',
    flag: 'db',
    schema: { type: 'string', minLength: 1 },
    reads: 'value',
    arg: 'FILE',
    isPath: true,
    help: ['store file, its log beside it as FILE.log (serve: default .data/returns-mock.json;', 'test and startMock keep nothing on disk without it)'],
  }),
  option({ name: 'inMemory', flag: 'in-memory', schema: { type: 'boolean' }, reads: 'boolean', help: ['keep nothing on disk (serve)'] }),
  option({
    name: 'store',
    flag: 'store',
    schema: { type: 'string', pattern: '^postgres(ql)?://' },
    expects: 'a postgres:// URL',
    reads: 'value',
    arg: 'URL',
    help: ['share the state with other replicas in PostgreSQL: postgres://USER:PASSWORD@HOST/DB'],
  }),
  option({
    name: 'clock',
    flag: 'clock',
    schema: { type: 'string', format: 'date-time' },
    expects: 'an ISO date-time (2024-03-01T10:00:00Z)',
    reads: 'value',
    arg: 'ISO-DATE',
    help: ['pin the current time, for reproducible answers'],
  }),
  option({
    name: 'fixtures',
    flag: 'fixtures',
    schema: { type: 'string', minLength: 1 },
    reads: 'value',
    arg: 'DIR',
    isPath: true,
    help: ['reference data (default the bundled fixtures/): DIR/<vendor>/*.yaml|json'],
  }),
  option({
    name: 'strictFixtures',
    flag: 'strict-fixtures',
    schema: { type: 'boolean' },
    reads: 'boolean',
    help: ['refuse orders, shops, companies the fixtures lack (default: fabricate them)'],
  }),
  option({
    name: 'auth',
    flag: 'auth',
    schema: { enum: ['open', 'strict'] },
    reads: 'value',
    arg: 'MODE',
    help: ['open (default): any well-formed credential, full rights;', 'strict: only credentials the fixtures declare (401 otherwise)'],
  }),
  option({
    name: 'adminToken',
    flag: 'admin-token',
    schema: { type: 'string', minLength: 8 },
    expects: 'a string of at least 8 characters',
    reads: 'value',
    arg: 'TOKEN',
    help: ['protect /__admin with this token (at least 8 characters); required when --host', 'is not loopback'],
  }),
  option({
    name: 'headersTimeout',
    flag: 'headers-timeout',
    schema: MS,
    reads: 'value',
    arg: 'MS',
    help: ["time a client may take to send a request's head (default 10000; slower: 408, closed)"],
    aliases: [{ name: 'headersTimeoutMs' }],
  }),
  option({
    name: 'requestTimeout',
    flag: 'request-timeout',
    schema: MS,
    reads: 'value',
    arg: 'MS',
    help: ['time a client may take to send a whole request, body included (default 30000)'],
    aliases: [{ name: 'requestTimeoutMs' }],
  }),
  option({
    name: 'keepAliveTimeout',
    flag: 'keep-alive-timeout',
    schema: MS,
    reads: 'value',
    arg: 'MS',
    help: ['an idle keep-alive connection is closed after this (default 5000)'],
    aliases: [{ name: 'keepAliveTimeoutMs' }],
  }),
  option({
    name: 'logLevel',
    flag: 'log-level',
    schema: { enum: ['silent', 'error', 'warn', 'info', 'debug'] },
    reads: 'value',
    arg: 'LEVEL',
    scope: 'cli',
    help: ['silent, error, warn, info (default: a line per request), debug (with violations)'],
  }),
  option({
    name: 'logFormat',
    flag: 'log-format',
    schema: { enum: ['text', 'json'] },
    reads: 'value',
    arg: 'F',
    scope: 'cli',
    help: ["text (default) or json: every line on stdout one JSON object (pino's format)"],
  }),
  option({
    name: 'mode',
    flag: 'mode',
    schema: { enum: ['strict', 'lenient'] },
    reads: 'value',
    arg: 'MODE',
    help: ['strict (default): refuse a request that breaks the contract, as the vendor would;', 'lenient: serve it from the spec, mark it with x-mock-violations, journal it'],
  }),
  option({
    name: 'failOn',
    flag: 'fail-on',
    schema: { enum: ['violation', 'risk', 'notice'], default: 'violation' },
    reads: 'value',
    arg: 'LEVEL',
    help: ['the least finding level that fails a report: violation (default), risk or notice'],
  }),
  option({
    name: 'journal',
    flag: 'journal',
    schema: { type: 'string', minLength: 1 },
    reads: 'value',
    arg: 'FILE',
    isPath: true,
    help: ['append every request (secrets masked) to this NDJSON file'],
  }),
  option({
    name: 'journalLimit',
    flag: 'journal-limit',
    schema: integer(1, 1_000_000),
    reads: 'value',
    arg: 'N',
    help: ['requests the in-memory journal keeps (default 1000; reports count all)'],
  }),
  option({
    name: 'journalLimitBytes',
    flag: 'journal-limit-bytes',
    schema: integer(65_536, 1_099_511_627_776),
    reads: 'value',
    arg: 'N',
    help: ['memory the in-memory journal may hold, in bytes (default 33554432, 32 MiB; oldest dropped first)'],
  }),
  option({
    name: 'requireCoverage',
    flag: 'require-coverage',
    schema: { type: 'number', minimum: 0, maximum: 100 },
    reads: 'value',
    arg: 'N',
    help: ["a report fails a client that exercised less than N% of a vendor's operations"],
  }),
  option({
    name: 'proxy',
    flag: 'proxy',
    schema: { type: 'object', additionalProperties: { type: 'string' } },
    expects: 'a map of vendor to URL (command line: VENDOR=URL)',
    reads: 'pairs',
    arg: 'VENDOR=URL',
    help: ["forward VENDOR's valid requests to URL + the vendor path and judge its answers", 'against the spec (repeatable; config file: proxy: { emporix: URL })'],
  }),
  option({
    name: 'proxyTimeout',
    flag: 'proxy-timeout',
    schema: { type: 'number', minimum: 0.001, maximum: 3600 },
    reads: 'value',
    arg: 'S',
    help: ['seconds an upstream may take before the client gets a 504 (default 30)'],
    aliases: [{ name: 'proxyTimeoutMs', convert: (ms) => ms / 1000 }],
  }),
  option({
    name: 'proxyForwardInvalid',
    flag: 'proxy-forward-invalid',
    schema: { type: 'boolean' },
    reads: 'boolean',
    help: ['forward requests that break the contract too (default: refused locally)'],
  }),
  option({
    name: 'record',
    flag: 'record',
    schema: { type: 'string', minLength: 1 },
    reads: 'value',
    arg: 'DIR',
    isPath: true,
    help: ['write what the upstreams answered as fixtures (--fixtures DIR replays them)', 'and every proxied exchange to DIR/exchanges.ndjson, secrets masked'],
  }),
  option({
    name: 'reportDir',
    flag: 'report-dir',
    schema: { type: 'string', minLength: 1 },
    reads: 'value',
    arg: 'DIR',
    isPath: true,
    scope: 'cli',
    command: 'test',
    help: ['where report.json, report.xml (JUnit), report.md and report.html go (default returns-mock-report)'],
  }),
  option({
    name: 'allowNoRequests',
    flag: 'allow-no-requests',
    schema: { type: 'boolean' },
    reads: 'boolean',
    scope: 'cli',
    command: 'test',
    help: ['a run in which no request reached the mock passes (default: it fails)'],
  }),
];

/** `scenarios` (config file and `startMock`): fault injection rules, checked for shape here and against the specs by the engine. */
export const SCENARIOS_SCHEMA: JsonSchema = {
  type: 'array',
  items: {
    type: 'object',
    // Types only: the engine checks the values against the specs, with messages naming the rule.
    properties: {
      vendor: { type: 'string' },
      operation: { type: 'string' },
      probability: { type: 'number' },
      status: { type: 'number' },
      delayMs: { type: 'number' },
      fault: { type: 'string', description: FAULTS.join(', ') },
    },
    additionalProperties: false,
  },
};
