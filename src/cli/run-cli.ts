import { parseArgs, type ParseArgsConfig } from 'node:util';
import { vendorPlugins } from '../vendors/index.js';
import { toStartOptions } from './mock-options.js';
import { driftCommand } from './drift-command.js';
import { pactCommand } from './pact-command.js';
import { reportCommand } from './report-command.js';
import { serveCommand } from './serve-command.js';
import { testCommand } from './test-command.js';
import { resolveSettings, SETTINGS, SettingsError } from './settings.js';

const USAGE = `Usage: returns-mock [serve] [options]
       returns-mock test [options] -- <command...>   (returns-mock test --help)
       returns-mock report [options]                 (returns-mock report --help)
       returns-mock pact --out DIR [options]         (returns-mock pact --help)
       returns-mock drift --spec VENDOR=FILE [options] (returns-mock drift --help)

Serves the JTL, Intershop IOM, Emporix and ShopCtrl return APIs from their OpenAPI specs.

Options (each also from the environment, RETURNS_MOCK_<OPTION>, e.g. RETURNS_MOCK_MAX_BODY,
or from returns-mock.config.yaml|yml|json; precedence: option > environment > config file > default):
  --port N            port to listen on (env PORT too; default 4010; 0 = any free port)
  --host HOST         interface to bind (env HOST too; default 127.0.0.1)
  --vendor ID         mount only this bundled vendor (repeatable): ${vendorPlugins.map((p) => p.id).join(', ')}
  --spec FILE         mount another OpenAPI 3.0/3.1 file at /<file base name> (repeatable)
  --spec /PREFIX=FILE mount it at /PREFIX
  --seed N            seed for faked data (default 1)
  --max-body BYTES    largest request body (default 1048576)
  --db FILE           store file (default .data/returns-mock.json; its log is FILE.log)
  --in-memory         keep nothing on disk
  --store URL         share the state with other replicas in PostgreSQL: postgres://USER:PASSWORD@HOST/DB
  --clock ISO-DATE    pin the current time, for reproducible answers
  --fixtures DIR      reference data (default the bundled fixtures/): DIR/<vendor>/*.yaml|json
  --strict-fixtures   refuse orders, shops, companies the fixtures lack (default: fabricate them)
  --auth MODE         open (default): any well-formed credential, full rights;
                      strict: only credentials the fixtures declare (401 otherwise)
  --admin-token TOKEN protect /__admin with this token (at least 8 characters); required when --host
                      is not loopback
  --headers-timeout MS  time a client may take to send a request's head (default 10000; slower: 408, closed)
  --request-timeout MS  time a client may take to send a whole request, body included (default 30000)
  --keep-alive-timeout MS  an idle keep-alive connection is closed after this (default 5000)
  --log-level LEVEL   silent, error, warn, info (default: a line per request), debug (with violations)
  --log-format F      text (default) or json (one object per line)
  --mode MODE         strict (default): refuse a request that breaks the contract, as the vendor would;
                      lenient: serve it from the spec, mark it with x-mock-violations, journal it
  --journal FILE      append every request (secrets masked) to this NDJSON file
  --journal-limit N   requests the in-memory journal keeps (default 1000; reports count all)
  --require-coverage N  a report fails a client that exercised less than N% of a vendor's operations
  --fail-on LEVEL     violation (default), risk or notice: the lowest finding level that fails a report
  --proxy VENDOR=URL  forward VENDOR's valid requests to URL + the vendor path and judge its answers
                      against the spec (repeatable; config file: proxy: { emporix: URL })
  --proxy-timeout S   seconds an upstream may take before the client gets a 504 (default 30)
  --proxy-forward-invalid  forward requests that break the contract too (default: refused locally)
  --record DIR        write what the upstreams answered as fixtures (--fixtures DIR replays them)
                      and every proxied exchange to DIR/exchanges.ndjson, secrets masked
  --config FILE       config file (default: returns-mock.config.yaml|yml|json in the working directory)
  -h, --help          this text
`;

function fail(message: string): number {
  console.error(`returns-mock: ${message}\n\n${USAGE}`);
  return 2;
}

/** parseArgs options for every setting, plus `--config` and `--help`. */
function flagOptions(): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } };
  for (const setting of SETTINGS) options[setting.flag] = setting.kind.type === 'boolean' ? { type: 'boolean' } : setting.kind.type === 'list' || setting.kind.type === 'pairs' ? { type: 'string', multiple: true } : { type: 'string' };
  return options;
}

/** Runs the command line; resolves to the exit code (the server keeps the process alive until a signal). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  if (argv[0] === 'test') return testCommand(argv.slice(1), env, cwd);
  if (argv[0] === 'report') return reportCommand(argv.slice(1), env);
  if (argv[0] === 'pact') return pactCommand(argv.slice(1), env);
  if (argv[0] === 'drift') return driftCommand(argv.slice(1), env);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: flagOptions() });
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const command = positionals[0] ?? 'serve';
  if (command !== 'serve') return fail(`unknown command '${command}'`);
  let settings;
  let options;
  try {
    settings = resolveSettings({ flags: values, env, cwd, configFile: values.config as string | undefined });
    options = toStartOptions(settings);
  } catch (error) {
    if (error instanceof SettingsError) return fail(error.message);
    throw error;
  }
  return serveCommand(settings, options);
}
