import type { PactMatcher, PactMatchingRules } from './pact-file.js';

const ISO_INSTANT_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME_OTHER = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The regexes written into pacts: a provider verifying the pact checks its values against these. */
export const UUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
export const DATE_TIME_REGEX = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';

/** Every scalar the client sent (path segments, query values, body leaves): an answer that repeats one is not faked data. */
export function collectSentValues(path: string, query: string, body: unknown): Set<string> {
  const sent = new Set<string>();
  for (const segment of path.split('/')) if (segment !== '') sent.add(safeDecode(segment));
  for (const value of new URLSearchParams(query).values()) sent.add(value);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
    else if (value !== null && value !== undefined) sent.add(String(value));
  };
  visit(body);
  return sent;
}

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
 * the request stay exact. Arrays match by element type, any length.
 */
export function matchGeneratedValues(body: unknown, sent: ReadonlySet<string>): PactMatchingRules {
  const rules: PactMatchingRules = {};
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      rules[path] = { combine: 'AND', matchers: [{ match: 'type', min: 0 }] };
      for (const item of value) visit(item, `${path}[*]`);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, childPath(path, key));
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      if (!sent.has(String(value)) && rules[path] === undefined) rules[path] = { combine: 'AND', matchers: [matcherFor(value)] };
    }
  };
  visit(body, '$');
  return rules;
}
