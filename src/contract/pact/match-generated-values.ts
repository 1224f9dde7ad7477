import type { PactMatcher, PactMatchingRules } from './pact-file.js';

const ISO_INSTANT_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME_OTHER = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The regexes written into pacts: a provider verifying the pact checks its values against these. */
export const UUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
export const DATE_TIME_REGEX = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';

type Scalar = string | number | boolean;

/** What a client sent in a session, and which of those values the mock had made up first (ids from an earlier answer). */
export interface SessionValues {
  /** `name=number:1` for numbers and booleans; `*=string:x` for strings, whatever held them (path, query, body). */
  sent: Set<string>;
  /** `type:value` of every value an answer carried that the client had not sent. */
  generated: Set<string>;
}

const typed = (value: Scalar): string => `${typeof value}:${String(value)}`;

/** Strings count as sent wherever they were; a number only under its own name (a quantity of 1 is not an id of 1). */
const sentToken = (name: string, value: Scalar): string => `${typeof value === 'string' ? '*' : name}=${typed(value)}`;

/** The scalar leaves of a JSON value with the name of the property that holds each (`*` for array items at the root). */
function leavesOf(value: unknown, name = '*', out: Array<[string, Scalar]> = []): Array<[string, Scalar]> {
  if (Array.isArray(value)) value.forEach((item) => leavesOf(item, name, out));
  else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) leavesOf(child, key, out);
  else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push([name, value]);
  return out;
}

/** Adds a request's values to the session; a value the mock made up earlier (an id in the path) stays generated. */
export function addRequestValues(session: SessionValues, path: string, query: string, body: unknown): void {
  const values: Array<[string, Scalar]> = [
    ...path
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment): [string, Scalar] => ['*', safeDecode(segment)]),
    ...new URLSearchParams(query).entries(),
    ...leavesOf(body),
  ];
  for (const [name, value] of values) if (!session.generated.has(typed(value))) session.sent.add(sentToken(name, value));
}

/** Adds an answer's values the client never sent to the session's generated values. */
export function addAnswerValues(session: SessionValues, body: unknown): void {
  for (const [name, value] of leavesOf(body)) if (!isSent(session, name, value)) session.generated.add(typed(value));
}

const isSent = (session: SessionValues, name: string, value: Scalar): boolean => session.sent.has(sentToken(name, value));

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Pact's JSON path for a property: dotted where the name allows, bracketed otherwise. */
function childPath(parent: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${parent}.${key}` : `${parent}['${key.replace(/'/g, "\\'")}']`;
}

/** The matcher for a faked scalar: its date or time format, a UUID's shape, otherwise its type. */
export function matcherFor(value: string | number | boolean): PactMatcher {
  if (typeof value !== 'string') return { match: 'type' };
  if (ISO_INSTANT_MILLIS.test(value)) return { match: 'datetime', format: "yyyy-MM-dd'T'HH:mm:ss.SSSX" };
  if (ISO_INSTANT.test(value)) return { match: 'datetime', format: "yyyy-MM-dd'T'HH:mm:ssX" };
  if (ISO_DATE.test(value)) return { match: 'date', format: 'yyyy-MM-dd' };
  if (ISO_DATE_TIME_OTHER.test(value)) return { match: 'regex', regex: DATE_TIME_REGEX };
  if (UUID.test(value)) return { match: 'regex', regex: UUID_REGEX };
  return { match: 'type' };
}

/**
 * Matching rules for a recorded JSON answer: every value the client did not send itself (ids, timestamps, versions,
 * faked names) is matched by format or type, so the contract does not pin data the mock made up; values echoed from
 * the client's requests stay exact (numbers and booleans only under the same property name: a quantity of 1 is not an id of 1). Arrays match by element type, any length.
 */
export function matchGeneratedValues(body: unknown, session: SessionValues): PactMatchingRules {
  const rules: PactMatchingRules = {};
  const visit = (value: unknown, path: string, name: string): void => {
    if (Array.isArray(value)) {
      rules[path] = { combine: 'AND', matchers: [{ match: 'type', min: 0 }] };
      for (const item of value) visit(item, `${path}[*]`, name);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, childPath(path, key), key);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      if (!isSent(session, name, value) && rules[path] === undefined) rules[path] = { combine: 'AND', matchers: [matcherFor(value)] };
    }
  };
  visit(body, '$', '*');
  return rules;
}
