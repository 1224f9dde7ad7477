import path from 'node:path';
import { startMock, type RunningMock, type StartOptions } from '../index.js';
import { DEFAULTS } from './mock-options.js';
import { createLogger, logExchange, type LogFormat, type LogLevel } from './request-log.js';
import type { ResolvedSettings } from './settings.js';

/** Where the state is kept, for the banner: a PostgreSQL URL without its password, a file, or memory. */
function stateOf(options: StartOptions): string {
  if (options.store !== undefined) return `PostgreSQL ${options.store.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')}`;
  if (options.inMemory === true || options.db === undefined) return 'in memory (nothing kept on disk)';
  return `file ${path.resolve(options.db)}`;
}

/** The banner's lines: vendors and their URLs, where the state is, mode, seed, auth, admin and dashboard URLs. */
function bannerOf(mock: RunningMock, settings: ResolvedSettings, options: StartOptions) {
  const tokenNote = options.adminToken === undefined ? '' : ' (token required: ?token=…)';
  return {
    vendors: mock.engines.map((engine) => ({ vendor: engine.plugin.id, title: engine.plugin.title, url: `${mock.url}${engine.plugin.prefix}` })),
    state: stateOf(options),
    mode: options.mode ?? 'strict',
    seed: options.seed ?? DEFAULTS.seed,
    auth: options.auth ?? 'open',
    config: settings.configFile,
    admin: `${mock.url}/__admin${tokenNote}`,
    dashboard: `${mock.url}/__admin/ui${tokenNote}`,
  };
}

/** Starts the server and keeps it running until SIGINT or SIGTERM; resolves to 0 once listening, 1 if it cannot start. */
export async function serveCommand(settings: ResolvedSettings, given: StartOptions): Promise<number> {
  const level = (settings.values.logLevel as LogLevel | undefined) ?? DEFAULTS.logLevel;
  const format = (settings.values.logFormat as LogFormat | undefined) ?? DEFAULTS.logFormat;
  // serve keeps its state in a file unless told otherwise (startMock alone keeps nothing on disk).
  const options = given.db === undefined && given.inMemory !== true && given.store === undefined ? { ...given, db: DEFAULTS.db } : given;
  const logger = createLogger(level, format);
  // The banner and the stop line are shown whatever the level: whoever waits for "listening on" needs them.
  const announcer = createLogger('info', format);
  let mock: RunningMock;
  try {
    mock = await startMock({ ...options, onExchange: (exchange, entry) => logExchange(logger, exchange, entry) });
  } catch (error) {
    console.error(`returns-mock: cannot start: ${(error as Error).message}`);
    return 1;
  }
  const banner = bannerOf(mock, settings, options);
  if (format === 'json') announcer.info({ ...banner, url: mock.url }, `returns-mock listening on ${mock.url}`);
  else {
    // One write, vendors first: whoever waits for "listening on" has the whole banner.
    const lines = [
      ...banner.vendors.map(({ title, url }) => `  ${title.padEnd(36)} ${url}`),
      `  state: ${banner.state}`,
      `  mode: ${banner.mode}, seed: ${banner.seed}, auth: ${banner.auth}`,
      ...(banner.config === undefined ? [] : [`  config: ${banner.config}`]),
      `  admin API: ${banner.admin}`,
      `  dashboard: ${banner.dashboard}`,
      `returns-mock listening on ${mock.url}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  const stop = (signal: NodeJS.Signals) => {
    // Closing compacts the store; a disk that refuses it must not end in an unhandled rejection.
    void mock.close().then(
      () => {
        announcer.info({ signal, state: banner.state }, `returns-mock stopped (${signal}); store closed: ${banner.state}`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`returns-mock: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
