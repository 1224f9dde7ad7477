import type { StartOptions } from '../index.js';
import type { ResolvedSettings } from './settings.js';

/** Defaults of the command line's settings where they differ from `startMock`'s (which listens on any port, keeps nothing on disk). */
export const DEFAULTS = { port: 4010, host: '127.0.0.1', seed: 1, db: '.data/returns-mock.json', logLevel: 'info', logFormat: 'text' } as const;

/** The `startMock` options the resolved settings describe, with the command line's defaults: names are the same. */
export function toStartOptions({ values }: ResolvedSettings): StartOptions {
  const { logLevel: _level, logFormat: _format, reportDir: _reportDir, allowNoRequests: _allow, ...options } = values;
  return { port: DEFAULTS.port, host: DEFAULTS.host, seed: DEFAULTS.seed, ...(options as StartOptions) };
}
