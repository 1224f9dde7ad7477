import { RE2JS } from 're2js';
import { compareSortValues } from '../../store/query/compare-sort-values.js';
import { valuesAtPath } from '../../store/query/values-at-path.js';

/**
 * Emporix's `q` query language (seed 003): space-separated `field:value` terms, all of which must hold.
 * Values: exact (`PENDING`, `20`, `true`), comparisons (`>20`, `<="2021-05-18T07:27:27.455Z"`), ranges
 * (`(>=10 AND <=20)`), several values (`(a,b)`), `null`, `exists` and regular expressions (`~EON107`, and `(~EON107 EON106)`
 * for one with a space).
 */
export type QueryCondition =
  | { kind: 'equals'; value: string }
  | { kind: 'compare'; operator: '>' | '<' | '>=' | '<='; value: string }
  | { kind: 'null' }
  | { kind: 'exists' }
  | { kind: 'regex'; pattern: RE2JS }
  | { kind: 'all'; conditions: QueryCondition[] }
  | { kind: 'any'; conditions: QueryCondition[] };

export interface QueryTerm {
  field: string;
  condition: QueryCondition;
}

export type ParsedQuery = { ok: true; terms: QueryTerm[] } | { ok: false; message: string };

/** Longest `q` accepted and longest regular expression in it: bounds the work one request can cause. */
export const MAX_QUERY_LENGTH = 2048;
export const MAX_REGEX_LENGTH = 256;

const FIELD = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** Splits on spaces that are outside parentheses and double quotes. */
function splitTopLevel(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '(') depth += 1;
    else if (!quoted && char === ')') depth -= 1;
    if (depth < 0) return undefined;
    if (char === ' ' && depth === 0 && !quoted) {
      if (current !== '') parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (depth !== 0 || quoted) return undefined;
  if (current !== '') parts.push(current);
  return parts;
}

const unquote = (value: string) => (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);

function parseSingle(raw: string): QueryCondition | string {
  if (raw === 'null') return { kind: 'null' };
  if (raw === 'exists') return { kind: 'exists' };
  if (raw.startsWith('~')) {
    const source = raw.slice(1);
    if (source.length === 0 || source.length > MAX_REGEX_LENGTH) return `a regular expression must have 1 to ${MAX_REGEX_LENGTH} characters`;
    // RE2 semantics run in time linear in the value's length: `~(a+)+$` cannot stall the event loop on a long value.
    try {
      return { kind: 'regex', pattern: RE2JS.compile(source) };
    } catch (error) {
      return `'${source}' is not a valid regular expression (RE2 syntax: ${(error as Error).message})`;
    }
  }
  const comparison = /^(>=|<=|>|<)(.+)$/.exec(raw);
  if (comparison !== null) return { kind: 'compare', operator: comparison[1] as '>' | '<' | '>=' | '<=', value: unquote(comparison[2]!) };
  if (raw === '') return 'a value is missing';
  return { kind: 'equals', value: unquote(raw) };
}

function parseValue(raw: string): QueryCondition | string {
  if (!(raw.startsWith('(') && raw.endsWith(')'))) return parseSingle(raw);
  const inner = raw.slice(1, -1).trim();
  if (/\sAND\s/.test(inner)) {
    const conditions = inner.split(/\s+AND\s+/).map(parseSingle);
    const problem = conditions.find((c): c is string => typeof c === 'string');
    return problem ?? { kind: 'all', conditions: conditions as QueryCondition[] };
  }
  // Seed 003: `code:(~EON107 EON106)` is the form "for strings with a space": one regular expression, `EON107 EON106`.
  if (inner.startsWith('~')) return parseSingle(inner);
  const conditions = inner.split(',').map((piece) => parseSingle(piece.trim()));
  const problem = conditions.find((c): c is string => typeof c === 'string');
  return problem ?? { kind: 'any', conditions: conditions as QueryCondition[] };
}

/** Parses a `q` expression; an unreadable one yields a message for the 400. */
export function parseEmporixQuery(q: string): ParsedQuery {
  if (q.length > MAX_QUERY_LENGTH) return { ok: false, message: `q must not be longer than ${MAX_QUERY_LENGTH} characters` };
  const parts = splitTopLevel(q.trim());
  if (parts === undefined) return { ok: false, message: 'q has unbalanced parentheses or quotes' };
  const terms: QueryTerm[] = [];
  for (const part of parts) {
    const colon = part.indexOf(':');
    const field = colon < 0 ? '' : part.slice(0, colon);
    if (!FIELD.test(field)) return { ok: false, message: `'${part}' is not of the form field:value` };
    const condition = parseValue(part.slice(colon + 1));
    if (typeof condition === 'string') return { ok: false, message: `${field}: ${condition}` };
    terms.push({ field, condition });
  }
  return { ok: true, terms };
}

function compareValues(actual: unknown, expected: string): number | undefined {
  if (typeof actual === 'number' && expected.trim() !== '' && Number.isFinite(Number(expected))) return actual - Number(expected);
  if (typeof actual === 'string') {
    const a = Date.parse(actual);
    const b = Date.parse(expected);
    if (/^\d{4}-\d{2}-\d{2}/.test(actual) && !Number.isNaN(a) && !Number.isNaN(b)) return a - b;
    return actual < expected ? -1 : actual > expected ? 1 : 0;
  }
  return undefined;
}

function holds(condition: QueryCondition, values: unknown[]): boolean {
  switch (condition.kind) {
    case 'null':
      return values.every((v) => v === null || v === '');
    case 'exists':
      return values.some((v) => v !== null && v !== undefined);
    case 'equals':
      // A number field is matched by value: `total.value:1.90` finds 1.9.
      return values.some((v) => (typeof v === 'number' ? compareValues(v, condition.value) === 0 : typeof v === 'object' ? false : String(v) === condition.value));
    case 'regex':
      return values.some((v) => typeof v === 'string' && condition.pattern.matcher(v).find());
    case 'compare':
      return values.some((v) => {
        const order = compareValues(v, condition.value);
        if (order === undefined) return false;
        return condition.operator === '>' ? order > 0 : condition.operator === '<' ? order < 0 : condition.operator === '>=' ? order >= 0 : order <= 0;
      });
    case 'all':
      return condition.conditions.every((c) => holds(c, values));
    case 'any':
      return condition.conditions.some((c) => holds(c, values));
  }
}

/** Whether a record satisfies every term of a parsed query. */
export function matchesQuery(record: unknown, terms: readonly QueryTerm[]): boolean {
  return terms.every((term) => holds(term.condition, valuesAtPath(record, term.field)));
}

export interface SortKey {
  field: string;
  descending: boolean;
}

export type ParsedSort = { ok: true; keys: SortKey[] } | { ok: false; message: string };

/** Parses `field[:direction],field2` (Emporix: descending only for `desc`/`DESC`); a part that names no field yields a message for the 400. */
export function parseEmporixSort(sort: string): ParsedSort {
  const keys: SortKey[] = [];
  for (const part of sort.split(',')) {
    const [field = '', direction = ''] = part.trim().split(':');
    if (!FIELD.test(field)) return { ok: false, message: `sort: '${part}' is not of the form field or field:direction` };
    keys.push({ field, descending: direction === 'desc' || direction === 'DESC' });
  }
  return { ok: true, keys };
}

/** Sorts by parsed sort keys (the store's sort order: numbers by value before strings by text); stable, missing values last. */
export function sortRecords<T>(records: readonly T[], keys: readonly SortKey[]): T[] {
  if (keys.length === 0) return [...records];
  return [...records].sort((a, b) => {
    for (const { field, descending } of keys) {
      const [x] = valuesAtPath(a, field);
      const [y] = valuesAtPath(b, field);
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const order = compareSortValues(x, y);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}

/**
 * The values an index lookup must find for one `equals` term to hold (see `holds`): the text itself, the number it
 * spells (a number field matches by value) and the boolean it spells; a record matches the term exactly when it
 * holds one of them at the field.
 */
export function equalityKeysOf(value: string): unknown[] {
  const keys: unknown[] = [value];
  if (value.trim() !== '' && Number.isFinite(Number(value))) keys.push(Number(value));
  if (value === 'true' || value === 'false') keys.push(value === 'true');
  return keys;
}

/** The index keys that find exactly the records a condition holds for, or `undefined` when it is not a plain equality (or a list of them). */
export function lookupKeysOf(condition: QueryCondition): unknown[] | undefined {
  if (condition.kind === 'equals') return equalityKeysOf(condition.value);
  if (condition.kind === 'any' && condition.conditions.every((c) => c.kind === 'equals')) {
    return condition.conditions.flatMap((c) => equalityKeysOf((c as { value: string }).value));
  }
  return undefined;
}
