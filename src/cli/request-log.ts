import { pino, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { Exchange, JournalEntry } from '../index.js';
import { refuses } from '../core/rules.js';

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';
export type LogFormat = 'text' | 'json';

/** Where log lines go: standard output, or a test's collector. */
export interface LogOutput {
  write(text: string): unknown;
}

/**
 * A pino logger: pino's JSON lines with `json`, pino-pretty's text with `text`. Each line is written at once, so
 * the last lines before an exit are not lost and lines keep the order they were logged in.
 */
export function createLogger(level: LogLevel, format: LogFormat, output: LogOutput = process.stdout): Logger {
  const options = { level, base: { name: 'returns-mock' }, timestamp: pino.stdTimeFunctions.isoTime };
  if (format === 'json') return pino(options, output);
  const prettify = prettyFactory({ colorize: false, ignore: 'pid,hostname,name', translateTime: 'SYS:HH:MM:ss.l', hideObject: true });
  return pino(options, { write: (line: string) => output.write(prettify(JSON.parse(line) as Record<string, unknown>)) });
}

/** How loud an exchange is: the mock's own bug (an answer breaking its spec, a 5xx) is an error, a violating request a warning. */
function levelOf(exchange: Exchange): 'error' | 'warn' | 'info' {
  if (exchange.responseViolations.length > 0 || exchange.response.status >= 500) return 'error';
  if (exchange.violations.some(refuses)) return 'warn';
  return 'info';
}

/** What a forced answer or injected fault was, for the text line: `code=404 delay=200`. */
function scenarioText(exchange: Exchange): string {
  return Object.entries(exchange.scenario ?? {})
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
}

/**
 * Logs one request: method, path with its query (secrets masked), status, milliseconds (injected delays included),
 * violations and any forced scenario; in text, `debug` adds each violation's pointer and message below.
 */
export function logExchange(logger: Logger, exchange: Exchange, entry: JournalEntry): void {
  const level = levelOf(exchange);
  if (!logger.isLevelEnabled(level)) return;
  // The journal entry has every secret its vendor's spec names masked, query parameters included: a log never prints a credential.
  const path = `${new URL(exchange.request.baseUrl).pathname}${entry.request.path}${entry.request.query === '' ? '' : `?${entry.request.query}`}`;
  const method = exchange.request.method;
  const ms = Math.round(entry.durationMs * 10) / 10;
  const violations = entry.violations.map(({ code, location, pointer, message }) => ({ code, location, pointer, message }));
  const count = violations.length;
  const parts = [method.padEnd(6), path, String(exchange.response.status), `${ms}ms`];
  if (count > 0) parts.push(`${count} violation${count === 1 ? '' : 's'}`);
  const scenario = scenarioText(exchange);
  if (scenario !== '') parts.push(`[${scenario}]`);
  const details = logger.isLevelEnabled('debug')
    ? violations.map((violation) => `\n    ${violation.location}${violation.pointer} ${violation.code}: ${violation.message}`).join('')
    : '';
  logger[level](
    {
      vendor: exchange.vendor,
      operation: exchange.operationId ?? null,
      method,
      path,
      status: exchange.response.status,
      ms,
      violations,
      ...(exchange.scenario === undefined ? {} : { scenario: exchange.scenario }),
    },
    `${parts.join(' ')}${details}`,
  );
}
