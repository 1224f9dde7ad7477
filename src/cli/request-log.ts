import type { Exchange, JournalEntry } from '../index.js';

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';
export type LogFormat = 'text' | 'json';

const RANK: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** How loud an exchange is: the mock's own bug (an answer breaking its spec, a 5xx) is an error, a violating request a warning. */
function levelOf(exchange: Exchange): Exclude<LogLevel, 'silent'> {
  if (exchange.responseViolations.length > 0 || exchange.response.status >= 500) return 'error';
  if (exchange.violations.length > 0) return 'warn';
  return 'info';
}

/** What a forced answer or injected fault was, for the log line: `code=404 delay=200`. */
function scenarioText(exchange: Exchange): string {
  const scenario = exchange.scenario;
  if (scenario === undefined) return '';
  return Object.entries(scenario)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
}

/**
 * One line per request, or nothing below the level: method, path, status, milliseconds, violations and any forced
 * scenario; `debug` adds each violation's pointer and message. `json` writes one JSON object per line for machines.
 */
export function formatRequestLog(exchange: Exchange, entry: JournalEntry, level: LogLevel, format: LogFormat, now: Date = new Date()): string | undefined {
  const own = levelOf(exchange);
  if (RANK[own] > RANK[level]) return undefined;
  // The journal entry's path and violations have every secret its vendor's spec names masked: a log never prints a credential.
  const { method, path } = { method: exchange.request.method, path: `${new URL(exchange.request.baseUrl).pathname}${entry.request.path}` };
  const ms = Math.round(exchange.durationMs * 10) / 10;
  const violations = entry.violations.map(({ code, location, pointer, message }) => ({ code, location, pointer, message }));
  if (format === 'json') {
    return JSON.stringify({
      time: now.toISOString(),
      level: own,
      vendor: exchange.vendor,
      operation: exchange.operationId ?? null,
      method,
      path,
      status: exchange.response.status,
      ms,
      violations,
      ...(exchange.scenario === undefined ? {} : { scenario: exchange.scenario }),
    });
  }
  const count = exchange.violations.length;
  const parts = [now.toISOString().slice(11, 23), method.padEnd(6), path, String(exchange.response.status), `${ms}ms`];
  if (count > 0) parts.push(`${count} violation${count === 1 ? '' : 's'}`);
  const scenario = scenarioText(exchange);
  if (scenario !== '') parts.push(`[${scenario}]`);
  const line = parts.join(' ');
  if (level !== 'debug' || count === 0) return line;
  return [line, ...violations.map((violation) => `    ${violation.location}${violation.pointer} ${violation.code}: ${violation.message}`)].join('\n');
}
