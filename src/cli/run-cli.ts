import { parseArgs } from 'node:util';
import { startMock, type VendorId } from '../index.js';
import { vendorPlugins } from '../vendors/index.js';

const USAGE = `Usage: returns-mock serve [options]

Serves the JTL, Intershop IOM, Emporix and ShopCtrl return APIs from their OpenAPI specs.

Options:
  --port N            port to listen on (env PORT; default 4010; 0 = any free port)
  --host HOST         interface to bind (env HOST; default 127.0.0.1)
  --vendor ID         mount only this bundled vendor (repeatable): ${vendorPlugins.map((p) => p.id).join(', ')}
  --spec FILE         mount another OpenAPI 3.0/3.1 file at /<file base name> (repeatable)
  --spec /PREFIX=FILE mount it at /PREFIX
  --seed N            seed for faked data (default 1)
  --max-body BYTES    largest request body (default 1048576)
  --db FILE           store file (default .data/returns-mock.json)
  --in-memory         keep nothing on disk
  --clock ISO-DATE    pin the current time, for reproducible answers
  --fixtures DIR      reference data (default the bundled fixtures/): DIR/<vendor>/*.yaml|json
  --strict-fixtures   refuse orders, shops, companies the fixtures lack (default: fabricate them)
  --auth MODE         open (default): any well-formed credential, full rights;
                      strict: only credentials the fixtures declare (401 otherwise)
  -h, --help          this text
`;

function fail(message: string): number {
  console.error(`returns-mock: ${message}\n\n${USAGE}`);
  return 2;
}

function parseInteger(name: string, raw: string | undefined, fallback: number, min: number, max: number): number | string {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) return `${name} must be a whole number from ${min} to ${max}, not '${raw}'`;
  return Number(raw);
}

/** Runs the command line; resolves to the exit code (the server keeps the process alive until a signal). */
export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        vendor: { type: 'string', multiple: true },
        spec: { type: 'string', multiple: true },
        seed: { type: 'string' },
        'max-body': { type: 'string' },
        db: { type: 'string' },
        'in-memory': { type: 'boolean' },
        clock: { type: 'string' },
        fixtures: { type: 'string' },
        'strict-fixtures': { type: 'boolean' },
        auth: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
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

  const port = parseInteger('--port', values.port ?? process.env.PORT, 4010, 0, 65535);
  const seed = parseInteger('--seed', values.seed, 1, 0, 2 ** 31 - 1);
  const maxBody = parseInteger('--max-body', values['max-body'], 1024 * 1024, 1, 1024 ** 3);
  for (const value of [port, seed, maxBody]) if (typeof value === 'string') return fail(value);
  const auth = values.auth ?? 'open';
  if (auth !== 'open' && auth !== 'strict') return fail(`--auth must be 'open' or 'strict', not '${auth}'`);
  const known = vendorPlugins.map((p) => p.id);
  const unknown = (values.vendor ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) return fail(`unknown vendor '${unknown.join(', ')}'; known: ${known.join(', ')}`);
  const specs = (values.spec ?? []).map((entry) => {
    const match = /^(\/[^=]+)=(.+)$/.exec(entry);
    return match === null ? { file: entry } : { prefix: match[1], file: match[2]! };
  });

  try {
    const mock = await startMock({
      port: port as number,
      host: values.host ?? process.env.HOST ?? '127.0.0.1',
      seed: seed as number,
      maxBodyBytes: maxBody as number,
      vendors: values.vendor as VendorId[] | undefined,
      db: values.db,
      inMemory: values['in-memory'],
      clock: values.clock,
      fixtures: values.fixtures,
      strictFixtures: values['strict-fixtures'],
      auth,
      specs,
    });
    // One write, vendors first: whoever waits for "listening on" has the whole banner.
    const vendors = mock.engines.map((engine) => `  ${engine.plugin.title.padEnd(36)} ${mock.url}${engine.plugin.prefix}`);
    console.log([...vendors, `returns-mock listening on ${mock.url}`].join('\n'));
    const stop = () => {
      void mock.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
  } catch (error) {
    console.error(`returns-mock: cannot start: ${(error as Error).message}`);
    return 1;
  }
}
