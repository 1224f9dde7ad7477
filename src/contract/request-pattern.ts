import type { JournalEntry } from './journal-entry.js';

/**
 * Which journalled requests to count, find or verify (WireMock's request pattern, in returns-mock's terms).
 * Every field given must hold; an empty pattern matches every request.
 */
export interface RequestPattern {
  vendor?: string;
  operationId?: string;
  /** Compared case-insensitively. */
  method?: string;
  /** The path as the client sent it, vendor prefix included (`/emporix/return/acme/returns`); with a `?` also the query. */
  path?: string;
  /** A regular expression (JavaScript syntax) the path, prefix included, must match somewhere; anchor it with `^…$` for all of it. */
  pathPattern?: string;
  client?: string;
  /** The status the client received (0: none, after a `reset` or `timeout` fault). */
  status?: number;
  /** Text the journalled request body contains (bodies are kept with secrets masked, cut at 16 KiB). */
  bodyContains?: string;
  /** Request headers that must have exactly these values; names compared case-insensitively (credentials are masked: `Bearer ***`). */
  header?: Record<string, string>;
}

/** A pattern checked and ready: its regular expression compiled once. */
export interface CompiledPattern {
  pattern: RequestPattern;
  pathRegex?: RegExp;
}

/** Why a pattern was refused, naming the field. */
export interface PatternProblem {
  field: string;
  message: string;
}

/** A pattern's regular expression is held to this length: it runs against every journalled request. */
export const MAX_PATH_PATTERN_LENGTH = 1000;

const STRING_FIELDS = ['vendor', 'operationId', 'method', 'path', 'pathPattern', 'client', 'bodyContains'] as const;
const PATTERN_FIELDS: readonly string[] = [...STRING_FIELDS, 'status', 'header'];

/** Checks a pattern (from JSON or a test) field by field: the first problem names its field. */
export function compilePattern(value: unknown): { compiled: CompiledPattern } | { problem: PatternProblem } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problem: { field: '', message: 'the pattern must be a JSON object, e.g. {"vendor":"emporix","operationId":"createReturn"}' } };
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !PATTERN_FIELDS.includes(key));
  if (unknown !== undefined) return { problem: { field: unknown, message: `unknown field '${unknown}'; a pattern has ${PATTERN_FIELDS.join(', ')}` } };
  for (const field of STRING_FIELDS) {
    if (record[field] !== undefined && typeof record[field] !== 'string') return { problem: { field, message: `${field} must be a string` } };
  }
  if (record.status !== undefined && !(Number.isInteger(record.status) && (record.status as number) >= 0 && (record.status as number) <= 599)) {
    return { problem: { field: 'status', message: 'status must be a whole number from 0 to 599' } };
  }
  if (record.header !== undefined) {
    const header = record.header;
    if (typeof header !== 'object' || header === null || Array.isArray(header))
      return { problem: { field: 'header', message: 'header must be an object of header names to values' } };
    const bad = Object.entries(header).find(([, headerValue]) => typeof headerValue !== 'string');
    if (bad !== undefined) return { problem: { field: `header.${bad[0]}`, message: `header '${bad[0]}' must have a string value` } };
  }
  const pattern = record as RequestPattern;
  if (pattern.pathPattern === undefined) return { compiled: { pattern } };
  if (pattern.pathPattern.length > MAX_PATH_PATTERN_LENGTH)
    return { problem: { field: 'pathPattern', message: `pathPattern must be at most ${MAX_PATH_PATTERN_LENGTH} characters` } };
  try {
    return { compiled: { pattern, pathRegex: new RegExp(pattern.pathPattern) } };
  } catch (error) {
    return { problem: { field: 'pathPattern', message: `pathPattern is not a valid regular expression: ${(error as Error).message}` } };
  }
}

/** The path a client sent, vendor prefix included (journal entries keep it below the prefix). */
export function fullPathOf(entry: Pick<JournalEntry, 'vendor' | 'request'>, prefixOf: (vendor: string) => string): string {
  return `${prefixOf(entry.vendor)}${entry.request.path}`;
}

/** Whether a journal entry matches a compiled pattern. */
export function matchesPattern(entry: JournalEntry, { pattern, pathRegex }: CompiledPattern, prefixOf: (vendor: string) => string): boolean {
  const path = fullPathOf(entry, prefixOf);
  const withQuery = entry.request.query === '' ? path : `${path}?${entry.request.query}`;
  return (
    (pattern.vendor === undefined || entry.vendor === pattern.vendor) &&
    (pattern.operationId === undefined || entry.operationId === pattern.operationId) &&
    (pattern.method === undefined || entry.method.toUpperCase() === pattern.method.toUpperCase()) &&
    (pattern.path === undefined || (pattern.path.includes('?') ? withQuery : path) === pattern.path) &&
    (pathRegex === undefined || pathRegex.test(path)) &&
    (pattern.client === undefined || entry.client === pattern.client) &&
    (pattern.status === undefined || entry.status === pattern.status) &&
    (pattern.bodyContains === undefined || (entry.request.body ?? '').includes(pattern.bodyContains)) &&
    Object.entries(pattern.header ?? {}).every(([name, value]) => entry.request.headers[name.toLowerCase()] === value)
  );
}

/** A pattern as one line, for messages: `{"vendor":"emporix","method":"GET"}`. */
export const describePattern = (pattern: RequestPattern): string => JSON.stringify(pattern);
