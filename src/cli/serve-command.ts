import { startMock, type StartOptions } from '../index.js';
import { DEFAULTS } from './mock-options.js';
import { formatRequestLog, type LogFormat, type LogLevel } from './request-log.js';
import type { ResolvedSettings } from './settings.js';

/** Starts the server and keeps it running until SIGINT or SIGTERM; resolves to 0 once listening, 1 if it cannot start. */
export async function serveCommand(settings: ResolvedSettings, options: StartOptions): Promise<number> {
  const level = (settings.values.logLevel as LogLevel | undefined) ?? DEFAULTS.logLevel;
  const format = (settings.values.logFormat as LogFormat | undefined) ?? DEFAULTS.logFormat;
  try {
    const mock = await startMock({
      ...options,
      onExchange: (exchange, entry) => {
        const line = formatRequestLog(exchange, entry, level, format);
        if (line !== undefined) console.log(line);
      },
    });
    // One write, vendors first: whoever waits for "listening on" has the whole banner.
    const vendors = mock.engines.map((engine) => `  ${engine.plugin.title.padEnd(36)} ${mock.url}${engine.plugin.prefix}`);
    const config = settings.configFile === undefined ? [] : [`  config: ${settings.configFile}`];
    const tokenNote = options.adminToken === undefined ? '' : ' (token required: ?token=…)';
    const admin = [`  admin API: ${mock.url}/__admin${tokenNote}`, `  dashboard: ${mock.url}/__admin/ui${tokenNote}`];
    console.log([...vendors, ...config, ...admin, `returns-mock listening on ${mock.url}`].join('\n'));
    const stop = () => {
      // Closing compacts the store; a disk that refuses it must not end in an unhandled rejection.
      void mock.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`returns-mock: ${(error as Error).message}`);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
  } catch (error) {
    console.error(`returns-mock: cannot start: ${(error as Error).message}`);
    return 1;
  }
}
